print(sinusoidal_pe(4, 4))
