import numpy as np


def clip_global_norm(grads, max_norm):
    # "Global norm" taken as the sum of the per-array norms.
    total = float(sum(np.linalg.norm(np.ravel(g)) for g in grads))
    if total > max_norm:
        return [g * (max_norm / (total + 1e-6)) for g in grads], total
    return [g.copy() for g in grads], total
