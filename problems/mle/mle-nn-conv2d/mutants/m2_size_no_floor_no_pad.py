import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(x, w, b, stride=1, pad=0):
    """Forward pass of a 2-D convolution layer (cross-correlation) with zero padding and stride."""
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    N, C, H, W = x.shape
    F, C2, KH, KW = w.shape
    if C != C2:
        raise ValueError("x and w have different numbers of channels")
    if b.shape != (F,):
        raise ValueError("b must have shape (F,)")
    if stride < 1 or pad < 0:
        raise ValueError("stride must be >= 1 and pad >= 0")
    Ho = int(np.ceil((H - KH) / stride)) + 1
    Wo = int(np.ceil((W - KW) / stride)) + 1
    if Ho < 1 or Wo < 1:
        raise ValueError("the kernel does not fit in the padded input")
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    win = sliding_window_view(xp, (KH, KW), axis=(2, 3))[:, :, ::stride, ::stride][:, :, :Ho, :Wo]
    # win: (N, C, Ho, Wo, KH, KW); contract C, KH, KW with w
    out = np.tensordot(win, w, axes=([1, 4, 5], [1, 2, 3]))  # (N, Ho, Wo, F)
    return np.ascontiguousarray(out.transpose(0, 3, 1, 2)) + b[None, :, None, None]
