import numpy as np


def _softplus(t):
    """log(1 + exp(t)) without overflow: max(t, 0) + log1p(exp(-|t|))."""
    return np.maximum(t, 0.0) + np.log1p(np.exp(-np.abs(t)))


def bce_with_logits(z, y, pos_weight: float = 1.0) -> float:
    """Mean of -[w*y*log(sigmoid(z)) + (1-y)*log(1-sigmoid(z))], computed from logits stably."""
    z = np.asarray(z, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    loss = pos_weight * y * _softplus(-z) + (1.0 - y) * _softplus(z)
    return float(np.mean(loss))
