import numpy as np


def log_loss(y_true, p, eps=1e-15):
    # Clips in the input's dtype: for float32, 1 - 1e-15 rounds to 1.0 and p = 1 gives log(0).
    y = np.asarray(y_true)
    q = np.clip(np.asarray(p), eps, 1 - eps)
    if y.shape != q.shape or y.size == 0:
        raise ValueError("bad input")
    with np.errstate(all="ignore"):
        return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))
