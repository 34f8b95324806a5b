print(block_bootstrap_se(np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]), 3, 10_000, np.random.default_rng(0)))
