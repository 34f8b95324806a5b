import numpy as np


def logsumexp(a: np.ndarray, axis=None):
    """log(sum(exp(a))) over `axis` (all entries when None), stable for large magnitudes and -inf."""
    a = np.asarray(a, dtype=np.float64)
    m = np.max(a, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)          # an all -inf slice: shift by 0 instead of -inf
    s = np.sum(np.exp(a - m), axis=axis, keepdims=True)
    with np.errstate(divide="ignore"):            # log(0) = -inf for an all -inf slice, silently
        out = np.log(s) + m
    if axis is None:
        return np.float64(out.reshape(()))
    return np.squeeze(out, axis=axis)
