import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    # Ignores n_classes: the size comes from the largest label present.
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("shape mismatch")
    k = int(max(y_true.max(), y_pred.max())) + 1 if y_true.size else n_classes
    flat = y_true * k + y_pred
    return np.bincount(flat, minlength=k * k).reshape(k, k)
