y_true = np.array([0, 1, 2, 2, 1, 0])
y_pred = np.array([0, 2, 2, 1, 1, 0])
print(confusion_matrix(y_true, y_pred, 3))
