import numpy as np


def attention(Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    """Scaled dot-product attention with an optional boolean keep-mask; returns (output, weights)."""
    raise NotImplementedError
