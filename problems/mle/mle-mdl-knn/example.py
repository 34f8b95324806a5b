X_train = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [5.0, 5.0], [6.0, 5.0]])
y_train = np.array([3, 3, 1, 1, 1])
print(knn_predict(X_train, y_train, np.array([[0.2, 0.1], [5.5, 5.0]]), 3))  # expected: [3 1]
print(knn_predict(X_train, y_train, np.array([[0.0, 0.9]]), 2))              # expected: [1] (vote tie)
