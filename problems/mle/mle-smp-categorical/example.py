print(sample_categorical(np.array([0.2, 0.5, 0.0, 0.3]), 10, np.random.default_rng(0)))
# expected (with u = rng.random(size)): [1 1 0 0 3 3 1 3 1 3]
