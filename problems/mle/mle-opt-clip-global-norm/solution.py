import numpy as np


def clip_global_norm(grads: list, max_norm: float) -> tuple[list, float]:
    """Scale all arrays by one common factor so their joint L2 norm is at most max_norm."""
    total = float(np.sqrt(sum(float(np.sum(np.square(g))) for g in grads)))
    if total > max_norm:
        scale = max_norm / (total + 1e-6)
        return [np.asarray(g) * scale for g in grads], total
    return [np.array(g, copy=True) for g in grads], total
