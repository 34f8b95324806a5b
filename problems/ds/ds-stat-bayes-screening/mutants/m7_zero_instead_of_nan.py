# breaks: zero-positive-nan
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    # Where nobody tests positive, returns 0.0 (np.divide with a zeros out=) instead of nan.
    scalar = not any(isinstance(v, np.ndarray) for v in (prevalence, sensitivity, specificity))
    p, se, sp = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in (prevalence, sensitivity, specificity)))
    if any(np.any((v < 0) | (v > 1)) for v in (p, se, sp)):
        raise ValueError("out of range")
    tp = se * p
    pos = tp + (1 - sp) * (1 - p)
    out = np.divide(tp, pos, out=np.zeros(pos.shape), where=pos > 0)
    return float(out) if scalar else out
