import numpy as np


def kl_div(p, q):
    p, q = q, p   # computes KL(q || p)
    terms = np.zeros(p.shape)
    pos = p > 0
    both = pos & (q > 0)
    terms[both] = p[both] * np.log(p[both] / q[both])
    terms[pos & ~(q > 0)] = np.inf
    return np.sum(terms, axis=-1)
