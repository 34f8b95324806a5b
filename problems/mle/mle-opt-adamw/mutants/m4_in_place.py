import numpy as np


def adamw_step(w, g, m, v, t, lr, wd, b1=0.9, b2=0.999, eps=1e-8):
    # Correct formulas, but updates the caller's w, m and v arrays in place.
    if t < 1:
        raise ValueError("t counts from 1")
    m *= b1
    m += (1 - b1) * g
    v *= b2
    v += (1 - b2) * g * g
    w -= lr * ((m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps) + wd * w)
    return w, m, v
