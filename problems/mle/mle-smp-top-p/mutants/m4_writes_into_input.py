import numpy as np


def top_p_filter(logits, p):
    x = np.asarray(logits, dtype=np.float64)
    if not 0.0 < p <= 1.0:
        raise ValueError("bad p")
    if p == 1.0:
        return x
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    probs = e / e.sum(axis=-1, keepdims=True)
    order = np.argsort(-probs, axis=-1, kind="stable")
    sp = np.take_along_axis(probs, order, axis=-1)
    before = np.zeros_like(sp)
    before[..., 1:] = np.cumsum(sp, axis=-1)[..., :-1]
    keep = np.empty(sp.shape, dtype=bool)
    np.put_along_axis(keep, order, before < p, axis=-1)
    x[~keep] = -np.inf  # masks the caller's array in place
    return x
