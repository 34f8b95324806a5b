# breaks: scalar-float
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    # Right values, but always returns an ndarray, even for three plain numbers.
    p, se, sp = (np.asarray(v, dtype=np.float64) for v in (prevalence, sensitivity, specificity))
    if any(np.any((v < 0) | (v > 1)) for v in (p, se, sp)):
        raise ValueError("out of range")
    tp = se * p
    pos = tp + (1 - sp) * (1 - p)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.atleast_1d(np.where(pos > 0, tp / pos, np.nan))
