# breaks: ties-by-position (tied tokens are ranked by position, lower index first, for any number of ties)
import numpy as np


def top_p_filter(logits, p):
    # Ranks with NumPy's default argsort: ties keep index order for a few tokens only, not beyond ~16.
    x = np.asarray(logits, dtype=np.float64)
    if not 0.0 < p <= 1.0:
        raise ValueError("p must lie in (0, 1]")
    if p == 1.0:
        return x.copy()
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    probs = e / e.sum(axis=-1, keepdims=True)
    order = np.argsort(-probs, axis=-1)
    sp = np.take_along_axis(probs, order, axis=-1)
    before = np.cumsum(sp, axis=-1) - sp
    keep_sorted = before < p
    keep = np.empty_like(keep_sorted)
    np.put_along_axis(keep, order, keep_sorted, axis=-1)
    return np.where(keep, x, -np.inf)
