X = np.array([[1.0, 2.0], [2.0, 0.0], [3.0, 1.0], [4.0, 3.0]])
y = np.array([3.0, 2.0, 4.0, 7.0])
w, b = ridge_fit(X, y, 1.0)
print(w, b)   # expected: [0.875 0.875] 0.5
