x = np.array([2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 2.8, 4.9, 3.0, 3.7])
print(bootstrap_ci(x, np.mean, 2000, 0.95, np.random.default_rng(0)))
