X = np.array([[1.0, 2.0], [2.0, -1.0], [-1.0, 0.5], [0.0, -2.0]])
y = np.array([1, 1, 1, 0])
print(logreg_fit(X, y, lr=0.5, n_iter=1))           # expected: (array([0.125  , 0.21875]), 0.125)
print(logreg_fit(X, y, lr=0.5, n_iter=2, l2=0.1))   # expected: (array([0.21674244, 0.36900164]), 0.23072313279646828)
