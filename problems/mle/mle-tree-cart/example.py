X = np.array([[1.0, 5.0], [2.0, 4.0], [3.0, 7.0], [4.0, 1.0], [5.0, 2.0], [6.0, 3.0]])
y = np.array([0, 0, 1, 1, 2, 2])
X_new = np.array([[1.5, 6.0], [3.5, 6.5], [5.5, 2.5]])
stump = TreeClassifier(max_depth=1).fit(X, y)
print(stump.predict(X_new))        # expected [0 1 1]
print(stump.predict_proba(X_new))  # expected [[1, 0, 0], [0, 0.5, 0.5], [0, 0.5, 0.5]]
full = TreeClassifier().fit(X, y)
print(full.predict(X_new), full.get_depth())  # expected [0 1 2] 2
