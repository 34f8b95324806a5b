import numpy as np


def bce_with_logits(z, y, pos_weight=1.0):
    loss = y * np.logaddexp(0.0, -z) + pos_weight * (1.0 - y) * np.logaddexp(0.0, z)
    return float(loss.mean())
