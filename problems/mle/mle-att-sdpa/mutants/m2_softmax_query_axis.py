# breaks: key-softmax
import numpy as np


def attention(Q, K, V, mask=None):
    d = Q.shape[-1]
    scores = np.matmul(Q, np.swapaxes(K, -1, -2)) / np.sqrt(d)
    if mask is not None:
        scores = np.where(np.broadcast_to(mask, scores.shape), scores, -np.inf)
    # softmax over the query axis (-2) instead of the key axis (-1)
    col_max = np.max(scores, axis=-2, keepdims=True)
    col_max = np.where(np.isfinite(col_max), col_max, 0.0)
    e = np.exp(scores - col_max)
    total = np.sum(e, axis=-2, keepdims=True)
    weights = e / np.where(total > 0, total, 1.0)
    return np.matmul(weights, V), weights
