import numpy as np


def adamw_step(w: np.ndarray, g: np.ndarray, m: np.ndarray, v: np.ndarray, t: int, lr: float, wd: float,
               b1: float = 0.9, b2: float = 0.999,
               eps: float = 1e-8) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One AdamW update; the decay term wd * w uses w before the step. t is the 1-based step number."""
    if t < 1:
        raise ValueError("t counts from 1")
    new_m = b1 * m + (1.0 - b1) * g
    new_v = b2 * v + (1.0 - b2) * g * g
    m_hat = new_m / (1.0 - b1 ** t)
    v_hat = new_v / (1.0 - b2 ** t)
    new_w = w - lr * (m_hat / (np.sqrt(v_hat) + eps) + wd * w)
    return new_w, new_m, new_v
