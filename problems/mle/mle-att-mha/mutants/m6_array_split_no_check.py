# breaks: heads-divide
import numpy as np


def mha(X, Wq, Wk, Wv, Wo, n_heads):
    # Splits the columns with np.array_split and never checks divisibility: an indivisible width
    # silently gives heads of unequal widths instead of a ValueError.
    if n_heads < 1:
        raise ValueError("n_heads must be positive")
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    heads = []
    for q, k, v in zip(*(np.array_split(M, n_heads, axis=-1) for M in (Q, K, V))):
        dh = max(q.shape[-1], 1)
        s = q @ np.swapaxes(k, -1, -2) / np.sqrt(dh)
        w = np.exp(s - s.max(axis=-1, keepdims=True))
        heads.append((w / w.sum(axis=-1, keepdims=True)) @ v)
    return np.concatenate(heads, axis=-1) @ Wo
