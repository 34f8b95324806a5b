# breaks: mask-broadcast
# Adversarial review (written from the statement alone): wrong_2.py
# what it breaks: "a boolean keep-mask whose shape broadcasts ... e.g. one (Tq, Tk) array shared by the whole batch"
# class: 6
import numpy as np


def attention(Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    """Scaled dot-product attention softmax(Q K^T / sqrt(d)) V with an optional boolean keep-mask.

    Q: (..., Tq, d), K: (..., Tk, d), V: (..., Tk, dv), mask: None or bool broadcastable to (..., Tq, Tk),
    True = may attend. Returns (output (..., Tq, dv), weights (..., Tq, Tk)); fully masked rows are zeros.
    """
    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    V = np.asarray(V, dtype=np.float64)
    d = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d)                 # (..., Tq, Tk)
    logits = scores.copy()
    if mask is None:
        keep = np.ones(scores.shape, dtype=bool)
    else:
        keep = np.asarray(mask, dtype=bool)
        logits[~keep] = -np.inf                                       # hide the masked keys
    row_max = np.max(logits, axis=-1, keepdims=True)                  # -inf for a fully masked row
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(logits - row_max)                                      # hidden keys: exp(-inf) = 0
    total = np.sum(e, axis=-1, keepdims=True)
    weights = e / np.where(total > 0, total, 1.0)                     # fully masked row: 0 / 1 = 0
    output = weights @ V
    return np.asarray(output, dtype=np.float64), np.asarray(weights, dtype=np.float64)
