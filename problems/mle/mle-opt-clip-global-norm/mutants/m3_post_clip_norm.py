import numpy as np


def clip_global_norm(grads, max_norm):
    # Clips correctly but reports the norm after clipping.
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if total > max_norm:
        grads = [g * (max_norm / (total + 1e-6)) for g in grads]
    else:
        grads = [g.copy() for g in grads]
    after = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    return grads, after
