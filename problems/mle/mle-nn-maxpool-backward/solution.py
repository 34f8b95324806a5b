import numpy as np


def maxpool_backward(x: np.ndarray, dout: np.ndarray, k: int, s: int) -> np.ndarray:
    """Gradient of k x k max pooling with stride s (no padding) with respect to x of shape (N, C, H, W)."""
    n, c, h, w = x.shape
    if k < 1 or s < 1 or k > h or k > w:
        raise ValueError("need 1 <= k <= min(H, W) and s >= 1")
    ho, wo = (h - k) // s + 1, (w - k) // s + 1
    if dout.shape != (n, c, ho, wo):
        raise ValueError(f"dout should have shape {(n, c, ho, wo)}, got {dout.shape}")
    dx = np.zeros(x.shape, dtype=np.float64)
    nn, cc = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
    for i in range(ho):
        for j in range(wo):
            window = x[:, :, i * s:i * s + k, j * s:j * s + k].reshape(n, c, k * k)
            r, q = np.divmod(np.argmax(window, axis=-1), k)  # argmax: first maximum, row-major
            dx[nn, cc, i * s + r, j * s + q] += dout[:, :, i, j]  # (n, c) pairs are distinct here
    return dx
