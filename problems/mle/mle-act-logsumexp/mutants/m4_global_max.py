import numpy as np


def logsumexp(a, axis=None):
    # shifts every slice by the maximum of the whole array, not of the slice
    m = np.max(a)
    if not np.isfinite(m):
        m = 0.0
    return m + np.log(np.sum(np.exp(a - m), axis=axis))
