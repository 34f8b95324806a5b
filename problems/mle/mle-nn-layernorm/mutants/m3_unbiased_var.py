import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, ddof=1, keepdims=True)  # unbiased variance
    return gamma * (x - mu) / np.sqrt(var + eps) + beta
