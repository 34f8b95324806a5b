# Written by an adversarial reviewer (a2) from the statement alone.
import numpy as np


def ppv(prevalence, sensitivity, specificity):
    """Return P(condition | positive test). Numbers in -> a float out;
    any NumPy array in -> a float64 array of the broadcast shape.
    nan where P(+) = 0; ValueError for values outside [0, 1]."""
    args = (prevalence, sensitivity, specificity)
    any_array = any(isinstance(a, np.ndarray) for a in args)
    p, se, sp = (np.asarray(a, dtype=np.float64) for a in args)
    for name, a in (("prevalence", p), ("sensitivity", se), ("specificity", sp)):
        if not np.all((a >= 0.0) & (a <= 1.0)):       # also rejects NaN
            raise ValueError(f"{name} must lie in [0, 1]")
    p, se, sp = np.broadcast_arrays(p, se, sp)
    true_pos = se * p
    p_pos = true_pos + (1.0 - sp) * (1.0 - p)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(p_pos > 0, true_pos / np.where(p_pos > 0, p_pos, 1.0), np.nan)
    out = np.asarray(out, dtype=np.float64)
    if any_array:
        return out
    return float(out)
