import numpy as np


def average_precision(y_true, scores):
    # Each row is its own threshold: tied scores are taken one row at a time in sorted order,
    # so the result depends on how ties happen to be ordered.
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if s.shape != y.shape:
        raise ValueError("shape mismatch")
    pos = (y == 1).astype(float)
    if pos.sum() == 0:
        raise ValueError("no positives")
    order = np.argsort(-s, kind="stable")
    p = pos[order]
    precision = np.cumsum(p) / np.arange(1, p.size + 1)
    return float(np.sum(precision * p) / p.sum())
