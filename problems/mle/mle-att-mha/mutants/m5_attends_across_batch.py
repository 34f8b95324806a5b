# breaks: batch-independent
import numpy as np


def mha(X, Wq, Wk, Wv, Wo, n_heads):
    N, T, d = X.shape
    if n_heads <= 0 or d % n_heads:
        raise ValueError("d must be divisible by n_heads")
    dh = d // n_heads
    flat = X.reshape(N * T, d)  # flattens batch and time: tokens attend across sequences
    Q, K, V = flat @ Wq, flat @ Wk, flat @ Wv
    heads = []
    for h in range(n_heads):
        c = slice(h * dh, (h + 1) * dh)
        s = Q[:, c] @ K[:, c].T / np.sqrt(dh)
        w = np.exp(s - s.max(axis=-1, keepdims=True))
        w /= w.sum(axis=-1, keepdims=True)
        heads.append(w @ V[:, c])
    return (np.concatenate(heads, axis=-1) @ Wo).reshape(N, T, d)
