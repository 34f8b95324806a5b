import numpy as np


def causal_self_attention(X, Wq, Wk, Wv):
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    T, dk = Q.shape
    scores = Q @ K.T / np.sqrt(dk)
    allowed = np.tril(np.ones((T, T), dtype=bool), k=-1)  # strictly past: row 0 has nothing to attend to
    scores = np.where(allowed, scores, -np.inf)
    scores = scores - np.max(scores, axis=1, keepdims=True)
    e = np.exp(scores)
    return (e / e.sum(axis=1, keepdims=True)) @ V
