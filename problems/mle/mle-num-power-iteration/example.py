print(top_eigenpair(np.array([[2.0, 1.0], [1.0, 2.0]]), np.random.default_rng(0)))
# expected about (3.0, array([0.70710678, 0.70710678]))
