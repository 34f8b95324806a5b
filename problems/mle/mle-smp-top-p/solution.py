import numpy as np


def top_p_filter(logits: np.ndarray, p: float) -> np.ndarray:
    """Keep the smallest set of most probable tokens (per row) whose total probability reaches p; others -> -inf."""
    x = np.asarray(logits, dtype=np.float64)
    if x.ndim < 1 or x.shape[-1] == 0:
        raise ValueError("logits must have at least one token along the last axis")
    if not 0.0 < p <= 1.0:
        raise ValueError(f"p must lie in (0, 1], got {p}")
    if p == 1.0:
        return x.copy()
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    probs = e / np.sum(e, axis=-1, keepdims=True)
    order = np.argsort(-probs, axis=-1, kind="stable")  # decreasing probability, ties by position
    sorted_probs = np.take_along_axis(probs, order, axis=-1)
    mass_before = np.zeros_like(sorted_probs)  # probability of the tokens ranked before each token
    mass_before[..., 1:] = np.cumsum(sorted_probs, axis=-1)[..., :-1]
    keep_sorted = mass_before < p  # keep until the running total has reached p (top token: 0 < p)
    keep = np.empty_like(keep_sorted)
    np.put_along_axis(keep, order, keep_sorted, axis=-1)
    return np.where(keep, x, -np.inf)
