import math

import numpy as np


def clip_global_norm(grads, max_norm):
    # Concatenate everything into one flat vector, take its norm, then split back into the shapes.
    if len(grads) == 0:
        return [], 0.0
    shapes = [np.shape(g) for g in grads]
    flat = np.concatenate([np.ravel(g) for g in grads]).astype(np.float64)
    total = math.sqrt(float(np.dot(flat, flat)))
    if total > max_norm:
        flat = flat * (max_norm / (total + 1e-6))
    out, start = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        out.append(flat[start:start + size].reshape(shape).copy())
        start += size
    return out, total
