# breaks: shape
import numpy as np


def softmax(z, axis=-1):
    # Moves `axis` last and flattens the other axes into rows, but never restores the input's shape.
    rows = np.moveaxis(z, axis, -1).reshape(-1, z.shape[axis])
    e = np.exp(rows - rows.max(axis=1, keepdims=True))
    out = e / e.sum(axis=1, keepdims=True)
    return out if z.ndim == 2 and axis in (-1, 1) else out.reshape(-1) if z.ndim == 1 else out
