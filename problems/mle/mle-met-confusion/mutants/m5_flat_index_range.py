# breaks: labels-in-range (a negative label in either array raises ValueError)
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    # Checks each array against n_classes, but looks for negatives only in the flat index,
    # where a -1 predicted for a sample of true class >= 1 is still non-negative.
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("y_true and y_pred must have the same length")
    flat = y_true.astype(np.int64) * n_classes + y_pred.astype(np.int64)
    if y_true.size and (y_true.max() >= n_classes or y_pred.max() >= n_classes or flat.min() < 0):
        raise ValueError("labels must lie in 0 .. n_classes - 1")
    counts = np.bincount(flat, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes).astype(np.int64)
