import numpy as np


def conv2d(x, w, b, stride=1, pad=0):
    """Conv layer forward pass (cross-correlation, zero padding `pad` on each side, `stride`).

    x: (N, C, H, W), w: (F, C, KH, KW), b: (F,) -> float64 array (N, F, Ho, Wo) with
    Ho = (H + 2*pad - KH) // stride + 1 and Wo = (W + 2*pad - KW) // stride + 1.
    Raise ValueError on a channel mismatch or if the kernel does not fit.
    """
    raise NotImplementedError
