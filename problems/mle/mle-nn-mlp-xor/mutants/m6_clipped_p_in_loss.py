# breaks: exact-loss (the loss is the exact mean cross-entropy, p not clipped)
import numpy as np


def _forward(params, X):
    h = np.tanh(X @ params["W1"] + params["b1"])
    return h, (h @ params["W2"] + params["b2"])[:, 0]


def mlp_loss_and_grads(params, X, y):
    # Clips p to [1e-7, 1 - 1e-7] before the log, a common habit: the loss of a confidently wrong
    # sample (logit -25 for label 1) is capped near 16 instead of 25.
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    h, z = _forward(params, X)
    p = 1.0 / (1.0 + np.exp(-z))
    pc = np.clip(p, 1e-7, 1 - 1e-7)
    loss = float(np.mean(-(y * np.log(pc) + (1 - y) * np.log(1 - pc))))
    dz = ((p - y) / n)[:, None]
    dW2 = h.T @ dz
    db2 = dz.sum(axis=0)
    dz1 = (dz @ params["W2"].T) * (1.0 - h ** 2)
    return loss, {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": dW2, "b2": db2}


def train_mlp(X, y, hidden=8, lr=0.5, epochs=5000, seed=0):
    X = np.asarray(X, dtype=np.float64)
    rng = np.random.default_rng(seed)
    d = X.shape[1]
    params = {"W1": rng.normal(0.0, 1.0, size=(d, hidden)), "b1": np.zeros(hidden),
              "W2": rng.normal(0.0, 1.0, size=(hidden, 1)), "b2": np.zeros(1)}
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses
