# breaks: range-raises
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    # Right formula, but values outside [0, 1] are not rejected.
    scalar = not any(isinstance(v, np.ndarray) for v in (prevalence, sensitivity, specificity))
    p, se, sp = (np.asarray(v, dtype=np.float64) for v in (prevalence, sensitivity, specificity))
    tp = se * p
    pos = tp + (1 - sp) * (1 - p)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(pos != 0, tp / pos, np.nan)
    return float(out) if scalar else out
