a = np.array([0.0, 0.0, 0.0, 0.0])
b = np.array([1.0, 1.0, 1.0, 1.0])
print(perm_test(a, b, 999, np.random.default_rng(1)))   # near the exact 2/70 = 0.029 (one run gave 0.031)
