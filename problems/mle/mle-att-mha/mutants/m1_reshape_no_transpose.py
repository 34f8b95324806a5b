# breaks: head-blocks
import numpy as np


def mha(X, Wq, Wk, Wv, Wo, n_heads):
    N, T, d = X.shape
    if n_heads <= 0 or d % n_heads:
        raise ValueError("d must be divisible by n_heads")
    dh = d // n_heads
    # reshapes straight to (N, h, T, dh) without transposing: mixes heads and positions
    q = (X @ Wq).reshape(N, n_heads, T, dh)
    k = (X @ Wk).reshape(N, n_heads, T, dh)
    v = (X @ Wv).reshape(N, n_heads, T, dh)
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(dh)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ v).reshape(N, T, d) @ Wo
