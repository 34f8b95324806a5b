X = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
y = np.array([1.0, 3.0, 8.0])
print(ols_fit(X, y))                       # expected: (array([1.75, 1.75]), -3.0 up to rounding)
print(ols_fit(X, y, fit_intercept=False))  # expected: (array([1.10714286, 1.10714286]), 0.0)
