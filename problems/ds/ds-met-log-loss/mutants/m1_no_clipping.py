import numpy as np


def log_loss(y_true, p, eps=1e-15):
    # No clipping: p = 0 for a positive gives log(0) = -inf.
    y = np.asarray(y_true, dtype=np.float64)
    q = np.asarray(p, dtype=np.float64)
    if y.shape != q.shape or y.size == 0:
        raise ValueError("bad input")
    with np.errstate(all="ignore"):
        return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))
