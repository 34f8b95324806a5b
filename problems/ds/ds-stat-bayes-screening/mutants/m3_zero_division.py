# breaks: zero-positive-nan
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    # Right formula, but plain numbers divide directly: P(+) = 0 raises ZeroDivisionError.
    p, se, sp = prevalence, sensitivity, specificity
    if any(np.any((np.asarray(v) < 0) | (np.asarray(v) > 1)) for v in (p, se, sp)):
        raise ValueError("out of range")
    if not any(isinstance(v, np.ndarray) for v in (p, se, sp)):
        p, se, sp = float(p), float(se), float(sp)
    return se * p / (se * p + (1 - sp) * (1 - p))
