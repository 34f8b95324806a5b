print(wilson_interval(7, 20))  # expected: (0.1811918241010821, 0.5671457233147637)
print(wilson_interval(0, 10))  # expected: (0.0, 0.27753279986288915)
