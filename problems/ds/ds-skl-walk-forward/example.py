from sklearn.linear_model import LinearRegression

X = np.arange(8, dtype=float).reshape(-1, 1)
y = np.array([1.0, 3.0, 5.0, 7.0, 9.0, 11.0, 13.0, 15.0])  # y = 2x + 1
print(walk_forward_predict(LinearRegression(), X, y, n_splits=3))  # expected [nan nan  5.  7.  9. 11. 13. 15.]
