import numpy as np


def kl_div(p, q):
    terms = np.zeros(p.shape)
    pos = p > 0
    both = pos & (q > 0)
    terms[both] = p[both] * np.log(p[both] / q[both])
    terms[pos & ~(q > 0)] = np.inf
    return np.sum(terms)   # one number for the whole batch instead of one per distribution
