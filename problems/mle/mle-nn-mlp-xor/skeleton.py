import numpy as np


def mlp_loss_and_grads(params, X, y):
    """Mean BCE loss of the tanh/sigmoid MLP and the gradients {'W1','b1','W2','b2'} (same shapes as params)."""
    raise NotImplementedError


def train_mlp(X, y, hidden=8, lr=0.5, epochs=5000, seed=0):
    """Full-batch gradient descent from the seeded initialisation in the statement.

    Returns (params, losses): params after the last update, losses[i] = loss before update i.
    """
    raise NotImplementedError
