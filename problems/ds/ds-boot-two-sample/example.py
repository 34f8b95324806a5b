a = np.array([12.0, 15.5, 9.8, 14.1, 11.3, 13.7, 10.9, 12.6])
b = np.array([14.2, 16.8, 13.1, 17.5, 15.0, 15.9])
print(bootstrap_diff_ci(a, b, np.mean, 2000, 0.95, np.random.default_rng(0)))
