y = np.array([0, 0, 1, 1, 0, 1])
s = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.4])
print(roc_auc(y, s))  # expected: 0.6666666666666666
