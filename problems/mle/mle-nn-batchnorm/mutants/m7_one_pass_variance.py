# breaks: large-offset (the tolerances hold for inputs with a large common offset)
import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    # One-pass variance E[x^2] - E[x]^2: right in exact arithmetic, but it cancels catastrophically
    # when a column has a large offset.
    mu = x.mean(axis=0)
    var = np.maximum(np.mean(x * x, axis=0) - mu * mu, 0.0)
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = (x - mu) * inv_std
    return gamma * xhat + beta, (xhat, gamma, inv_std)


def bn_backward(dout, cache):
    xhat, gamma, inv_std = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = np.sum(dout * xhat, axis=0)
    dxhat = dout * gamma
    dx = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * np.sum(dxhat * xhat, axis=0))
    return dx, dgamma, dbeta
