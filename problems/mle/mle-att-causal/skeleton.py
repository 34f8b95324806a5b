import numpy as np


def causal_self_attention(X: np.ndarray, Wq: np.ndarray, Wk: np.ndarray, Wv: np.ndarray) -> np.ndarray:
    """One head of causal self-attention: position t attends to positions 0..t (itself included).

    X: (T, d_model); Wq, Wk: (d_model, d_k); Wv: (d_model, d_v). Scores are scaled by 1/sqrt(d_k).
    Returns a float64 array of shape (T, d_v).
    """
    raise NotImplementedError
