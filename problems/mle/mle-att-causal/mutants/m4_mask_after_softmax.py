import numpy as np


def causal_self_attention(X, Wq, Wk, Wv):
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    T, dk = Q.shape
    scores = Q @ K.T / np.sqrt(dk)
    e = np.exp(scores - np.max(scores, axis=1, keepdims=True))
    weights = e / e.sum(axis=1, keepdims=True)
    weights = weights * np.tril(np.ones((T, T)))  # future zeroed after the softmax, not renormalised
    return weights @ V
