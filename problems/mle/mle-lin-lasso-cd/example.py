X = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 3.0], [0.0, 1.0]])
y = np.array([3.0, 3.0, 7.0, 0.5])
print(lasso_cd(X, y, 0.5))            # expected: [1.20731711 0.85365851]
print(lasso_cd(X, y, 0.5, n_iter=1))  # expected: [2.         0.16666667]
print(lasso_cd(X, y, 8.0))            # expected: [0. 0.]
