import numpy as np


def bn_forward(x, gamma, beta, eps=1e-5):
    # Step-by-step computational graph; every intermediate kept in a dict cache.
    n = x.shape[0]
    mu = np.sum(x, axis=0) / n
    xmu = x - mu
    sq = xmu ** 2
    var = np.sum(sq, axis=0) / n
    sqrtvar = np.sqrt(var + eps)
    ivar = 1.0 / sqrtvar
    xhat = xmu * ivar
    out = gamma * xhat + beta
    cache = {"xhat": xhat, "gamma": np.array(gamma, dtype=float), "xmu": xmu, "ivar": ivar,
             "sqrtvar": sqrtvar, "var": var, "eps": float(eps)}
    return out, cache


def bn_backward(dout, cache):
    # Backpropagate through each node of the graph in reverse order.
    xhat, gamma, xmu = cache["xhat"], cache["gamma"], cache["xmu"]
    ivar, sqrtvar, var, eps = cache["ivar"], cache["sqrtvar"], cache["var"], cache["eps"]
    n = dout.shape[0]
    dbeta = np.sum(dout, axis=0)
    dgamma = np.sum(dout * xhat, axis=0)
    dxhat = dout * gamma
    divar = np.sum(dxhat * xmu, axis=0)
    dxmu1 = dxhat * ivar
    dsqrtvar = -1.0 / sqrtvar ** 2 * divar
    dvar = 0.5 / np.sqrt(var + eps) * dsqrtvar
    dsq = np.ones_like(dout) / n * dvar
    dxmu2 = 2 * xmu * dsq
    dx1 = dxmu1 + dxmu2
    dmu = -np.sum(dx1, axis=0)
    dx2 = np.ones_like(dout) / n * dmu
    return dx1 + dx2, dgamma, dbeta
