import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    x -= x.mean(axis=0)  # modifies the caller's array
    var = np.mean(x * x, axis=0)
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = x * inv_std
    return gamma * xhat + beta, (xhat, gamma, inv_std)


def bn_backward(dout, cache):
    xhat, gamma, inv_std = cache
    n = dout.shape[0]
    dxhat = dout * gamma
    dx = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * np.sum(dxhat * xhat, axis=0))
    return dx, np.sum(dout * xhat, axis=0), dout.sum(axis=0)
