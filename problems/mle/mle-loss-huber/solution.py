import numpy as np


def huber(y, yhat, delta: float = 1.0):
    """Mean Huber loss of r = yhat - y and its gradient with respect to yhat."""
    y = np.asarray(y, dtype=np.float64)
    yhat = np.asarray(yhat, dtype=np.float64)
    if y.size == 0:
        raise ValueError("empty input")
    if not delta > 0:
        raise ValueError("delta must be > 0")
    r = yhat - y
    a = np.abs(r)
    per_entry = np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta))
    grad = np.clip(r, -delta, delta) / r.size
    return float(np.mean(per_entry)), grad
