X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [4.0, 4.0], [5.0, 4.0], [4.0, 6.0]])
init = np.array([[0.0, 0.0], [1.0, 0.0]])
print(kmeans(X, init, n_iter=1))
print(kmeans(X, init))
