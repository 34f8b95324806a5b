# breaks: total-norm-float (total_norm is a Python float, 0.0 for an empty list)
import numpy as np


def clip_global_norm(grads, max_norm):
    # The empty list gets an early return with the int 0 as its norm.
    if not grads:
        return [], 0
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if total > max_norm:
        scale = max_norm / (total + 1e-6)
        return [g * scale for g in grads], total
    return [g.copy() for g in grads], total
