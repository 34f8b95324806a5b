import numpy as np


def bce_with_logits(z, y, pos_weight=1.0):
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))   # a perfectly stable sigmoid...
    return float(np.mean(-(pos_weight * y * np.log(p) + (1.0 - y) * np.log(1.0 - p))))  # ...then log
