import numpy as np


def mha(X: np.ndarray, Wq: np.ndarray, Wk: np.ndarray, Wv: np.ndarray, Wo: np.ndarray,
        n_heads: int) -> np.ndarray:
    """Multi-head self-attention (no mask, no biases).

    X: (N, T, d); Wq, Wk, Wv, Wo: (d, d), applied as X @ W. Head h uses the contiguous columns
    h*dh .. (h+1)*dh - 1 (dh = d // n_heads), scale 1/sqrt(dh); heads are concatenated in order, then @ Wo.
    Returns a float64 array of shape (N, T, d). Raises ValueError if n_heads < 1 or d % n_heads != 0.
    """
    raise NotImplementedError
