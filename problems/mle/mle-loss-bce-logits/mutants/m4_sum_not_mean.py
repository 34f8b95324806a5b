import numpy as np


def bce_with_logits(z, y, pos_weight=1.0):
    loss = pos_weight * y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)
    return float(loss.sum())
