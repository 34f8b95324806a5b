# breaks: keep-mask
import numpy as np


def attention(Q, K, V, mask=None):
    d = Q.shape[-1]
    scores = np.matmul(Q, np.swapaxes(K, -1, -2)) / np.sqrt(d)
    e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
    weights = e / np.sum(e, axis=-1, keepdims=True)
    if mask is not None:
        # zeroes the hidden keys after the softmax, without renormalising the kept ones
        weights = np.where(np.broadcast_to(mask, weights.shape), weights, 0.0)
    return np.matmul(weights, V), weights
