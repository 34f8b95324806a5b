import numpy as np


def ppv(prevalence, sensitivity, specificity):
    """P(condition | positive test) by Bayes' theorem; broadcasts over NumPy arrays."""
    scalar = not any(isinstance(v, np.ndarray) for v in (prevalence, sensitivity, specificity))
    p = np.asarray(prevalence, dtype=np.float64)
    se = np.asarray(sensitivity, dtype=np.float64)
    sp = np.asarray(specificity, dtype=np.float64)
    for name, v in (("prevalence", p), ("sensitivity", se), ("specificity", sp)):
        if np.any((v < 0) | (v > 1)) or np.any(np.isnan(v)):
            raise ValueError(f"{name} must lie in [0, 1]")
    true_pos = se * p
    positive = true_pos + (1.0 - sp) * (1.0 - p)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(positive > 0, true_pos / np.where(positive > 0, positive, 1.0), np.nan)
    return float(out) if scalar else np.asarray(out, dtype=np.float64)
