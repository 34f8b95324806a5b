import numpy as np


def adam_step(w, g, m, v, t, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
    # Treats t as 0-based: bias correction uses t + 1.
    if t < 0:
        raise ValueError("t must be non-negative")
    new_m = b1 * m + (1 - b1) * g
    new_v = b2 * v + (1 - b2) * g * g
    m_hat = new_m / (1 - b1 ** (t + 1))
    v_hat = new_v / (1 - b2 ** (t + 1))
    new_w = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new_w, new_m, new_v
