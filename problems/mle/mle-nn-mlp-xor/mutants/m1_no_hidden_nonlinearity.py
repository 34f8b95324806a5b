import numpy as np


def _forward(params, X):
    z1 = X @ params["W1"] + params["b1"]
    h = z1
    z2 = (h @ params["W2"] + params["b2"])[:, 0]
    return h, z2


def mlp_loss_and_grads(params, X, y):
    """Mean binary cross-entropy of a tanh/sigmoid MLP and its gradients for W1, b1, W2, b2."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    h, z2 = _forward(params, X)
    # BCE from the logit, written stably: log(1 + e^z) - y*z
    loss = float(np.mean(np.logaddexp(0.0, z2) - y * z2))
    p = 0.5 * (1.0 + np.tanh(0.5 * z2))  # sigmoid without overflow
    dz2 = ((p - y) / n)[:, None]  # (n, 1)
    dW2 = h.T @ dz2
    db2 = dz2.sum(axis=0)
    dz1 = dz2 @ params["W2"].T
    dW1 = X.T @ dz1
    db1 = dz1.sum(axis=0)
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def train_mlp(X, y, hidden=8, lr=0.5, epochs=5000, seed=0):
    """Full-batch gradient descent from the stated seeded initialisation; returns (params, losses)."""
    X = np.asarray(X, dtype=np.float64)
    rng = np.random.default_rng(seed)
    d = X.shape[1]
    params = {
        "W1": rng.normal(0.0, 1.0, size=(d, hidden)),
        "b1": np.zeros(hidden),
        "W2": rng.normal(0.0, 1.0, size=(hidden, 1)),
        "b2": np.zeros(1),
    }
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        for k in params:
            params[k] = params[k] - lr * grads[k]
    return params, losses
