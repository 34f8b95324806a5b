# breaks: array-float64
# Adversarial wrong solution 3 (reviewer a2): "return a NumPy array of dtype float64" (float32 array inputs give a float32 result)
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    """Return P(condition | positive test). Numbers in -> a float out;
    any NumPy array in -> a float64 array of the broadcast shape.
    nan where P(+) = 0; ValueError for values outside [0, 1]."""
    p, se, sp = prevalence, sensitivity, specificity
    any_array = any(isinstance(a, np.ndarray) for a in (p, se, sp))
    for name, a in (("prevalence", p), ("sensitivity", se), ("specificity", sp)):
        if not np.all((np.asarray(a) >= 0) & (np.asarray(a) <= 1)):
            raise ValueError(f"{name} must lie in [0, 1]")
    true_pos = se * p
    p_pos = true_pos + (1 - sp) * (1 - p)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(p_pos > 0, true_pos / np.where(p_pos > 0, p_pos, 1), np.nan)
    if any_array:
        return out
    return float(out)
