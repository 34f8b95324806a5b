# Written by a second reader from the task text alone (no hints); boolean-mask division.
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    any_array = any(isinstance(a, np.ndarray) for a in (prevalence, sensitivity, specificity))
    p, se, sp = np.broadcast_arrays(*(np.asarray(a, dtype=np.float64)
                                      for a in (prevalence, sensitivity, specificity)))
    for a in (p, se, sp):
        if np.any(np.isnan(a)) or np.any(a < 0) or np.any(a > 1):
            raise ValueError("all values must lie in [0, 1]")
    true_pos = p * se
    positive = true_pos + (1 - p) * (1 - sp)
    out = np.full(positive.shape, np.nan, dtype=np.float64)
    ok = positive > 0
    out[ok] = true_pos[ok] / positive[ok]
    if any_array:
        return out
    return float(out[()])
