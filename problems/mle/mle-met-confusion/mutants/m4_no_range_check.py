import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    # No label validation: a label equal to n_classes silently lands in the next row.
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("shape mismatch")
    flat = y_true * n_classes + y_pred
    return np.bincount(flat, minlength=n_classes * n_classes)[: n_classes * n_classes].reshape(n_classes, n_classes)
