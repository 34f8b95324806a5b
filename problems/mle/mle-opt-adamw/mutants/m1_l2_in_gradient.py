import numpy as np


def adamw_step(w, g, m, v, t, lr, wd, b1=0.9, b2=0.999, eps=1e-8):
    # Adam with L2 regularisation: wd * w is added to the gradient before the moments.
    if t < 1:
        raise ValueError("t counts from 1")
    g = g + wd * w
    new_m = b1 * m + (1 - b1) * g
    new_v = b2 * v + (1 - b2) * g * g
    m_hat = new_m / (1 - b1 ** t)
    v_hat = new_v / (1 - b2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), new_m, new_v
