# breaks: dtype
import numpy as np


def attention(Q, K, V, mask=None):
    d = Q.shape[-1]
    # works in float32 (half the memory) and returns float32 arrays
    Q, K, V = (np.asarray(a, dtype=np.float32) for a in (Q, K, V))
    scores = np.matmul(Q.astype(np.float64), np.swapaxes(K, -1, -2).astype(np.float64)) / np.sqrt(d)
    if mask is not None:
        scores = np.where(np.broadcast_to(mask, scores.shape), scores, -np.inf)
    row_max = np.max(scores, axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    total = np.sum(e, axis=-1, keepdims=True)
    weights = (e / np.where(total > 0, total, 1.0)).astype(np.float32)
    return np.matmul(weights, V), weights
