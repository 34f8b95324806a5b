import math

import numpy as np


def softmax(z, axis=-1):
    # Loop over every 1-D slice along `axis`, in plain Python arithmetic.
    moved = np.moveaxis(np.array(z, copy=True), axis, -1)
    out = np.empty(moved.shape, dtype=moved.dtype)
    flat_in = moved.reshape(-1, moved.shape[-1])
    flat_out = out.reshape(-1, moved.shape[-1])
    for r in range(flat_in.shape[0]):
        row = [float(v) for v in flat_in[r]]
        m = max(row)
        exps = [math.exp(v - m) for v in row]
        s = sum(exps)
        for c, e in enumerate(exps):
            flat_out[r, c] = e / s
    return np.moveaxis(out, -1, axis)
