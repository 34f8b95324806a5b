# breaks: output-projection
import numpy as np


def mha(X, Wq, Wk, Wv, Wo, n_heads):
    N, T, d = X.shape
    if n_heads < 1 or d % n_heads:
        raise ValueError("d must be divisible by n_heads")
    dh = d // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    heads = []
    for h in range(n_heads):
        c = slice(h * dh, (h + 1) * dh)
        s = Q[..., c] @ np.swapaxes(K[..., c], -1, -2) / np.sqrt(dh)
        w = np.exp(s - s.max(axis=-1, keepdims=True))
        heads.append((w / w.sum(axis=-1, keepdims=True)) @ V[..., c])
    return np.concatenate(heads, axis=-1) @ Wo.T  # output projection applied as Wo @ concat
