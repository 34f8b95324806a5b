X = np.array([[0, 0], [1, 0], [5, 5], [0, 1], [1, 1], [2.2, 1], [6, 0], [7, 0], [6.5, 1]], dtype=float)
print(dbscan(X, eps=1.5, min_samples=3))
