# breaks: length-mismatch-raises (arrays of different lengths, including 1, raise ValueError)
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    # No length check of its own: relies on NumPy refusing to combine arrays of different
    # lengths, which it does not do when one of them has length 1.
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    for y in (y_true, y_pred):
        if y.size and (y.min() < 0 or y.max() >= n_classes):
            raise ValueError("labels must lie in 0 .. n_classes - 1")
    flat = y_true.astype(np.int64) * n_classes + y_pred.astype(np.int64)
    counts = np.bincount(flat, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes).astype(np.int64)
