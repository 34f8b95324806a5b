import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    # Normalises each sample over its features (layer norm), not each feature over the batch.
    mu = x.mean(axis=1, keepdims=True)
    xc = x - mu
    var = np.mean(xc * xc, axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = xc * inv_std
    return gamma * xhat + beta, (xhat, gamma, inv_std)


def bn_backward(dout, cache):
    xhat, gamma, inv_std = cache
    d = dout.shape[1]
    dxhat = dout * gamma
    dx = inv_std / d * (d * dxhat - dxhat.sum(axis=1, keepdims=True)
                        - xhat * np.sum(dxhat * xhat, axis=1, keepdims=True))
    return dx, np.sum(dout * xhat, axis=0), dout.sum(axis=0)
