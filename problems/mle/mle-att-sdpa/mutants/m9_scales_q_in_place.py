# breaks: new-arrays
import numpy as np


def attention(Q, K, V, mask=None):
    d = Q.shape[-1]
    Q /= np.sqrt(d)  # scales the queries in place: the caller's Q changes
    scores = np.matmul(Q, np.swapaxes(K, -1, -2))
    if mask is not None:
        scores = np.where(np.broadcast_to(mask, scores.shape), scores, -np.inf)
    row_max = np.max(scores, axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    total = np.sum(e, axis=-1, keepdims=True)
    weights = e / np.where(total > 0, total, 1.0)
    return np.matmul(weights, V), weights
