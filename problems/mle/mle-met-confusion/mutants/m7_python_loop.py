# breaks: vectorised (built without a Python loop over the samples)
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    # Plain Python counting over the pairs, one cell at a time: right counts, a loop over the samples.
    t = [int(v) for v in np.asarray(y_true).ravel()]
    p = [int(v) for v in np.asarray(y_pred).ravel()]
    if np.ndim(y_true) != 1 or np.shape(y_true) != np.shape(y_pred):
        raise ValueError("shape mismatch")
    cm = [[0] * n_classes for _ in range(n_classes)]
    for a, b in zip(t, p):
        if not (0 <= a < n_classes and 0 <= b < n_classes):
            raise ValueError("label out of range")
        cm[a][b] += 1
    return np.array(cm, dtype=np.int64).reshape(n_classes, n_classes)
