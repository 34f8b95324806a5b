import numpy as np


def _softmax_last(s: np.ndarray) -> np.ndarray:
    e = np.exp(s - np.max(s, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def mha(X: np.ndarray, Wq: np.ndarray, Wk: np.ndarray, Wv: np.ndarray, Wo: np.ndarray,
        n_heads: int) -> np.ndarray:
    """Multi-head self-attention (no mask, no biases) over a batch X of shape (N, T, d)."""
    d = X.shape[-1]
    if n_heads < 1 or d % n_heads != 0:
        raise ValueError(f"d = {d} is not divisible by n_heads = {n_heads}")
    dh = d // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv  # (N, T, d)
    heads = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)  # head h owns a contiguous block of dh columns
        q, k, v = Q[..., cols], K[..., cols], V[..., cols]
        w = _softmax_last(q @ np.swapaxes(k, -1, -2) / np.sqrt(dh))  # (N, T, T)
        heads.append(w @ v)  # (N, T, dh)
    return np.concatenate(heads, axis=-1) @ Wo
