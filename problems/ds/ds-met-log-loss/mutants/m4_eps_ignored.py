import numpy as np


def log_loss(y_true, p, eps=1e-15):
    # Ignores the eps argument and always clips at 1e-15.
    y = np.asarray(y_true, dtype=np.float64)
    q = np.clip(np.asarray(p, dtype=np.float64), 1e-15, 1 - 1e-15)
    if y.shape != q.shape or y.size == 0:
        raise ValueError("bad input")
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))
