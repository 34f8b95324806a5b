import numpy as np


def top_p_filter(logits, p):
    x = np.asarray(logits, dtype=np.float64)
    if not 0.0 < p <= 1.0:
        raise ValueError("bad p")
    if p == 1.0:
        return x.copy()
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    probs = e / e.sum(axis=-1, keepdims=True)
    order = np.argsort(probs, axis=-1, kind="stable")  # ascending: keeps the least probable tokens
    sp = np.take_along_axis(probs, order, axis=-1)
    keep_sorted = (np.cumsum(sp, axis=-1) - sp) < p
    keep = np.empty_like(keep_sorted)
    np.put_along_axis(keep, order, keep_sorted, axis=-1)
    return np.where(keep, x, -np.inf)
