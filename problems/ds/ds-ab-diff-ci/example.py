print(diff_ci(100, 1000, 130, 1000))   # expected: about (0.03, 0.0020679, 0.0579321)
