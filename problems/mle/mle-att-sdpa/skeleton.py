import numpy as np


def attention(Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    """Scaled dot-product attention softmax(Q K^T / sqrt(d)) V with an optional boolean keep-mask.

    Q: (..., Tq, d), K: (..., Tk, d), V: (..., Tk, dv), mask: None or bool broadcastable to (..., Tq, Tk),
    True = may attend. Returns (output (..., Tq, dv), weights (..., Tq, Tk)); fully masked rows are zeros.
    """
    raise NotImplementedError
