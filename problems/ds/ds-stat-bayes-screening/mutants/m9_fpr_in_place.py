# breaks: inputs-unchanged
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    # Turns a float64 specificity array into the false-positive rate in place (saves a copy).
    scalar = not any(isinstance(v, np.ndarray) for v in (prevalence, sensitivity, specificity))
    p, se, sp = (np.asarray(v, dtype=np.float64) for v in (prevalence, sensitivity, specificity))
    if any(np.any((v < 0) | (v > 1)) for v in (p, se, sp)):
        raise ValueError("out of range")
    fpr = np.subtract(1.0, sp, out=sp) if sp.ndim else 1.0 - sp
    tp = se * p
    pos = tp + fpr * (1 - p)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(pos > 0, tp / pos, np.nan)
    return float(out) if scalar else out
