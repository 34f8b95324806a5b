# breaks: heads-positive
# Adversarial review (written from the statement alone): wrong_1.py
# what it breaks: "raise ValueError if n_heads < 1 or d is not divisible by n_heads" (relies on reshape)
# class: 1
import numpy as np


def mha(X: np.ndarray, Wq: np.ndarray, Wk: np.ndarray, Wv: np.ndarray, Wo: np.ndarray,
        n_heads: int) -> np.ndarray:
    """Multi-head self-attention (no mask, no biases).

    X: (N, T, d); Wq, Wk, Wv, Wo: (d, d), applied as X @ W. Head h uses the contiguous columns
    h*dh .. (h+1)*dh - 1 (dh = d // n_heads), scale 1/sqrt(dh); heads are concatenated in order, then @ Wo.
    Returns a float64 array of shape (N, T, d). Raises ValueError if n_heads < 1 or d % n_heads != 0.
    """
    X = np.asarray(X, dtype=np.float64)
    N, T, d = X.shape
    # an indivisible width makes the reshape below fail with a ValueError anyway
    dh = d // n_heads

    def split(M: np.ndarray) -> np.ndarray:
        # (N, T, d) -> (N, H, T, dh): head h gets the contiguous columns h*dh .. (h+1)*dh - 1
        return M.reshape(N, T, n_heads, dh).transpose(0, 2, 1, 3)

    Q = split(X @ np.asarray(Wq, dtype=np.float64))
    K = split(X @ np.asarray(Wk, dtype=np.float64))
    V = split(X @ np.asarray(Wv, dtype=np.float64))
    scores = Q @ K.transpose(0, 1, 3, 2) / np.sqrt(dh)              # (N, H, T, T)
    scores = scores - np.max(scores, axis=-1, keepdims=True)
    e = np.exp(scores)
    weights = e / np.sum(e, axis=-1, keepdims=True)
    heads = weights @ V                                              # (N, H, T, dh)
    concat = heads.transpose(0, 2, 1, 3).reshape(N, T, d)
    return np.asarray(concat @ np.asarray(Wo, dtype=np.float64), dtype=np.float64)
