import numpy as np


def conv2d(x, w, b, stride=1, pad=0):
    # Loop over the KH*KW kernel offsets; each offset adds a strided slice times the weights.
    N, C, H, W = x.shape
    F, Cw, KH, KW = w.shape
    if C != Cw or stride < 1 or pad < 0 or b.shape != (F,):
        raise ValueError("incompatible arguments")
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    if Ho <= 0 or Wo <= 0:
        raise ValueError("kernel larger than padded input")
    xp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    xp[:, :, pad:pad + H, pad:pad + W] = x
    out = np.zeros((N, F, Ho, Wo))
    for i in range(KH):
        for j in range(KW):
            patch = xp[:, :, i:i + stride * (Ho - 1) + 1:stride, j:j + stride * (Wo - 1) + 1:stride]
            out += np.einsum("nchw,fc->nfhw", patch, w[:, :, i, j])
    return out + b.reshape(1, F, 1, 1)
