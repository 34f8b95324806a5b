import numpy as np


def log_loss(y_true, p, eps=1e-15):
    # Sum of the per-row losses instead of their mean.
    y = np.asarray(y_true, dtype=np.float64)
    q = np.clip(np.asarray(p, dtype=np.float64), eps, 1 - eps)
    if y.shape != q.shape or y.size == 0:
        raise ValueError("bad input")
    return float(-np.sum(y * np.log(q) + (1 - y) * np.log(1 - q)))
