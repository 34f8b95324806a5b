# breaks: stable
import numpy as np


def attention(Q, K, V, mask=None):
    d = Q.shape[-1]
    scores = np.matmul(Q, np.swapaxes(K, -1, -2)) / np.sqrt(d)
    e = np.exp(scores)  # no max subtraction: overflows for large scores
    if mask is not None:
        e = np.where(np.broadcast_to(mask, scores.shape), e, 0.0)
    total = np.sum(e, axis=-1, keepdims=True)
    weights = e / np.where(total > 0, total, 1.0)
    return np.matmul(weights, V), weights
