import math

import numpy as np


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def mlp_loss_and_grads(params, X, y):
    # One sample at a time: forward, BCE from probabilities, backward, averaged at the end.
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    n = len(X)
    g = {"W1": np.zeros_like(W1, dtype=float), "b1": np.zeros_like(b1, dtype=float),
         "W2": np.zeros_like(W2, dtype=float), "b2": np.zeros_like(b2, dtype=float)}
    total = 0.0
    for xi, yi in zip(X, y):
        a = xi @ W1 + b1
        h = np.tanh(a)
        z = float(h @ W2[:, 0] + b2[0])
        p = _sigmoid(z)
        total += -(yi * math.log(p) + (1 - yi) * math.log(1 - p))
        dz = p - yi
        g["W2"][:, 0] += dz * h
        g["b2"][0] += dz
        da = dz * W2[:, 0] * (1 - h * h)
        g["W1"] += np.outer(xi, da)
        g["b1"] += da
    for k in g:
        g[k] /= n
    return total / n, g


def train_mlp(X, y, hidden=8, lr=0.5, epochs=5000, seed=0):
    rng = np.random.default_rng(seed)
    W1 = rng.normal(0.0, 1.0, size=(X.shape[1], hidden))
    W2 = rng.normal(0.0, 1.0, size=(hidden, 1))
    params = {"W1": W1, "b1": np.zeros(hidden), "W2": W2, "b2": np.zeros(1)}
    losses = []
    for epoch in range(epochs):
        loss, g = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {k: params[k] - lr * g[k] for k in params}
    return params, losses
