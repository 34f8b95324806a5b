import numpy as np


def mha(X, Wq, Wk, Wv, Wo, n_heads):
    # Fully vectorised: split heads with reshape + transpose, attend with einsum, merge back.
    N, T, d = X.shape
    if n_heads <= 0 or d % n_heads:
        raise ValueError("d must be divisible by n_heads")
    dh = d // n_heads

    def split(M):
        return (X @ M).reshape(N, T, n_heads, dh).transpose(0, 2, 1, 3)  # (N, h, T, dh)

    q, k, v = split(Wq), split(Wk), split(Wv)
    s = np.einsum("nhtc,nhsc->nhts", q, k) / np.sqrt(dh)
    s -= s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w /= w.sum(axis=-1, keepdims=True)
    o = np.einsum("nhts,nhsc->nhtc", w, v)
    return o.transpose(0, 2, 1, 3).reshape(N, T, d) @ Wo
