# breaks: broadcast-shape
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    # Squeezes the result: length-1 axes of the broadcast shape are lost.
    scalar = not any(isinstance(v, np.ndarray) for v in (prevalence, sensitivity, specificity))
    p, se, sp = (np.asarray(v, dtype=np.float64) for v in (prevalence, sensitivity, specificity))
    if any(np.any((v < 0) | (v > 1)) for v in (p, se, sp)):
        raise ValueError("out of range")
    tp = se * p
    pos = tp + (1 - sp) * (1 - p)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(pos > 0, tp / pos, np.nan)
    return float(out) if scalar else np.atleast_1d(np.squeeze(out))
