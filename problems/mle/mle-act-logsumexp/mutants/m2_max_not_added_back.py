import numpy as np


def logsumexp(a, axis=None):
    m = np.max(a, axis=axis, keepdims=True)
    return np.log(np.sum(np.exp(a - m), axis=axis))
