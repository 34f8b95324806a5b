# breaks: head-blocks
import numpy as np


def mha(X, Wq, Wk, Wv, Wo, n_heads):
    N, T, d = X.shape
    if n_heads <= 0 or d % n_heads:
        raise ValueError("d must be divisible by n_heads")
    dh = d // n_heads

    def split(M):  # head h takes columns h, h + n_heads, ... (strided, not contiguous)
        return (X @ M).reshape(N, T, dh, n_heads).transpose(0, 3, 1, 2)

    q, k, v = split(Wq), split(Wk), split(Wv)
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(dh)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    o = (w @ v).transpose(0, 2, 3, 1).reshape(N, T, d)
    return o @ Wo
