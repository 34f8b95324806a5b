import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def maxpool_backward(x, dout, k, s):
    # All windows at once with sliding_window_view, then one np.add.at scatter.
    N, C, H, W = x.shape
    if k < 1 or s < 1 or k > H or k > W:
        raise ValueError("bad k or s")
    win = sliding_window_view(x, (k, k), axis=(2, 3))[:, :, ::s, ::s]  # (N, C, Ho, Wo, k, k)
    Ho, Wo = win.shape[2], win.shape[3]
    if dout.shape != (N, C, Ho, Wo):
        raise ValueError("dout has the wrong shape")
    flat_arg = win.reshape(N, C, Ho, Wo, k * k).argmax(axis=-1)
    n_i, c_i, i_i, j_i = np.indices((N, C, Ho, Wo))
    rows = i_i * s + flat_arg // k
    cols = j_i * s + flat_arg % k
    dx = np.zeros(x.shape, dtype=np.float64)
    np.add.at(dx, (n_i, c_i, rows, cols), dout)
    return dx
