import numpy as np


def huber(y, yhat, delta=1.0):
    if y.size == 0 or delta <= 0:
        raise ValueError("bad input")
    r = y - yhat   # wrong residual: the gradient w.r.t. yhat gets the wrong sign
    a = np.abs(r)
    per_entry = np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta))
    return float(np.mean(per_entry)), np.clip(r, -delta, delta) / r.size
