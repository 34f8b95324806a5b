X = np.array([[1.0, 2.0], [2.0, 0.0], [0.0, 1.0]])
y = np.array([3.0, 2.0, 1.0])
print(linreg_gd(X, y, lr=0.3, n_iter=2))  # expected: (array([0.73, 0.73]), 0.6, [2.3333333333333335, 0.03 up to rounding])
