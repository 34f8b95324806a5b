import numpy as np


def maxpool_backward(x: np.ndarray, dout: np.ndarray, k: int, s: int) -> np.ndarray:
    """Gradient dL/dx of k x k max pooling with stride s (no padding).

    x: (N, C, H, W); dout: (N, C, (H - k) // s + 1, (W - k) // s + 1). Returns float64 dx shaped like x.
    Each window's gradient goes to its first maximum in row-major order; overlapping windows add up.
    A dout of the wrong shape raises ValueError.
    """
    raise NotImplementedError
