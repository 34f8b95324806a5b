import numpy as np


def logsumexp(a, axis=None):
    return np.log(np.sum(np.exp(a), axis=axis))
