import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    # Rows are the predicted class, columns the true class.
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("shape mismatch")
    if y_true.size and (min(y_true.min(), y_pred.min()) < 0 or max(y_true.max(), y_pred.max()) >= n_classes):
        raise ValueError("label out of range")
    flat = y_pred * n_classes + y_true
    return np.bincount(flat, minlength=n_classes * n_classes).reshape(n_classes, n_classes)
