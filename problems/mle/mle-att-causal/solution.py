import numpy as np


def causal_self_attention(X: np.ndarray, Wq: np.ndarray, Wk: np.ndarray, Wv: np.ndarray) -> np.ndarray:
    """Single-head causal self-attention: position t attends to positions 0..t (itself included)."""
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    T, dk = Q.shape[0], Q.shape[1]
    scores = Q @ K.T / np.sqrt(dk)
    allowed = np.tril(np.ones((T, T), dtype=bool))  # key s <= query t
    scores = np.where(allowed, scores, -np.inf)
    scores = scores - np.max(scores, axis=1, keepdims=True)  # the diagonal is always kept: max is finite
    e = np.exp(scores)
    weights = e / np.sum(e, axis=1, keepdims=True)
    return weights @ V
