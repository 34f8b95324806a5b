X = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]])
y = np.array([1.0, 2.0, 3.0, 4.0, 15.0])
X_test = np.array([[0.0], [3.5], [10.0]])
print(gbm_fit_predict(X, y, X_test, 0, 0.5))  # expected [5. 5. 5.]
print(gbm_fit_predict(X, y, X_test, 2, 0.5))  # expected [ 3.125  3.125 12.5  ]
