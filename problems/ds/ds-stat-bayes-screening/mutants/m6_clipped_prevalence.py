# breaks: prevalence-extremes
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    # Clips the prevalence to [1e-6, 1 - 1e-6] "to avoid dividing by zero": prevalence 0 no longer gives 0.
    scalar = not any(isinstance(v, np.ndarray) for v in (prevalence, sensitivity, specificity))
    p, se, sp = (np.asarray(v, dtype=np.float64) for v in (prevalence, sensitivity, specificity))
    if any(np.any((v < 0) | (v > 1)) for v in (p, se, sp)):
        raise ValueError("out of range")
    p = np.clip(p, 1e-6, 1 - 1e-6)
    tp = se * p
    pos = tp + (1 - sp) * (1 - p)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(pos > 0, tp / pos, np.nan)
    return float(out) if scalar else out
