import numpy as np


def clip_global_norm(grads, max_norm):
    # Clips each array by its own norm instead of the global one.
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    out = []
    for g in grads:
        n = float(np.sqrt(np.sum(g * g)))
        out.append(g * (max_norm / (n + 1e-6)) if n > max_norm else g.copy())
    return out, total
