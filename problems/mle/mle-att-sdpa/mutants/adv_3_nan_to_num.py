# breaks: no-warnings
# Adversarial review (written from the statement alone): wrong_3.py
# what it breaks: "must not emit any RuntimeWarning ..., including for fully masked rows"
# class: 1
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
    if mask is None:
        keep = np.ones(scores.shape, dtype=bool)
    else:
        keep = np.broadcast_to(np.asarray(mask, dtype=bool), scores.shape)
    logits = np.where(keep, scores, -np.inf)
    row_max = np.max(logits, axis=-1, keepdims=True)
    e = np.exp(logits - row_max)
    weights = e / np.sum(e, axis=-1, keepdims=True)
    weights = np.nan_to_num(weights, nan=0.0)                         # fully masked rows: nan -> 0
    output = weights @ V
    return np.asarray(output, dtype=np.float64), np.asarray(weights, dtype=np.float64)
