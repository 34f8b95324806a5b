# breaks: scalar-float
# adversary A5 (from the statement alone): only Python numbers give a float; NumPy scalars give a 0-d array
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    args = (prevalence, sensitivity, specificity)
    all_python_numbers = all(isinstance(a, (int, float)) for a in args)   # np.float32 is not a float subclass
    p, se, sp = (np.asarray(a, dtype=np.float64) for a in args)
    for a in (p, se, sp):
        if np.any(a < 0) or np.any(a > 1):
            raise ValueError("probabilities must lie in [0, 1]")
    num = se * p
    den = num + (1.0 - sp) * (1.0 - p)
    with np.errstate(divide="ignore", invalid="ignore"):
        res = np.where(den > 0, num / den, np.nan)
    res = np.asarray(res, dtype=np.float64)
    if all_python_numbers:
        return float(res)
    return res
