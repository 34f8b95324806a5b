from sklearn.linear_model import LogisticRegression

X = np.array([[0.1], [0.9], [0.3], [0.8], [0.2], [0.7], [0.4], [0.6], [0.35], [0.65], [0.15], [0.85]])
y = np.array([0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1])
groups = np.array([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6])
print(group_cv_auc(LogisticRegression(), X, y, groups, n_splits=3))  # expected [1.   1.   0.75]
