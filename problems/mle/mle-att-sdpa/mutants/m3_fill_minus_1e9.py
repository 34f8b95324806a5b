# breaks: fully-masked
import numpy as np


def attention(Q, K, V, mask=None):
    d = Q.shape[-1]
    scores = np.matmul(Q, np.swapaxes(K, -1, -2)) / np.sqrt(d)
    if mask is not None:
        scores = np.where(np.broadcast_to(mask, scores.shape), scores, -1e9)  # fully masked rows become uniform
    e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
    weights = e / np.sum(e, axis=-1, keepdims=True)
    return np.matmul(weights, V), weights
