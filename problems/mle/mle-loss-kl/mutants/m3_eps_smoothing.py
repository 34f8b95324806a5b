import numpy as np


def kl_div(p, q):
    # "avoid division by zero" by flooring q: finite where the answer should be inf
    q = np.maximum(q, 1e-12)
    terms = np.zeros(p.shape)
    pos = p > 0
    terms[pos] = p[pos] * np.log(p[pos] / q[pos])
    return np.sum(terms, axis=-1)
