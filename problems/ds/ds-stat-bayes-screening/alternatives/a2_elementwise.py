import math

import numpy as np


def _one(p, se, sp):
    for v in (p, se, sp):
        if not 0.0 <= v <= 1.0:
            raise ValueError("probabilities must lie in [0, 1]")
    tp = se * p
    fp = (1.0 - sp) * (1.0 - p)
    return math.nan if tp + fp == 0 else tp / (tp + fp)


def ppv(prevalence, sensitivity, specificity):
    # Plain-float Bayes rule applied entry by entry over the broadcast arrays.
    if not any(isinstance(a, np.ndarray) for a in (prevalence, sensitivity, specificity)):
        return _one(float(prevalence), float(sensitivity), float(specificity))
    b = np.broadcast(np.asarray(prevalence), np.asarray(sensitivity), np.asarray(specificity))
    out = np.empty(b.shape, dtype=np.float64)
    out.flat = [_one(float(p), float(se), float(sp)) for p, se, sp in b]
    return out
