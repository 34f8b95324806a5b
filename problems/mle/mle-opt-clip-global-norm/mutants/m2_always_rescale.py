import numpy as np


def clip_global_norm(grads, max_norm):
    # Rescales by max_norm / (total + 1e-6) even when the norm is below the threshold.
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    scale = max_norm / (total + 1e-6)
    return [g * scale for g in grads], total
