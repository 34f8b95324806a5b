X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0]])
print(kmeanspp_init(X, 3, np.random.default_rng(0)))
