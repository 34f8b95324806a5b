import numpy as np


def ppv(prevalence, sensitivity, specificity):
    # Odds form of Bayes' theorem: posterior odds = prior odds * LR+, LR+ = sens / (1 - spec).
    args = [prevalence, sensitivity, specificity]
    is_array = any(isinstance(a, np.ndarray) for a in args)
    p, se, sp = (np.array(a, dtype=np.float64) for a in args)
    if any(np.any(~((a >= 0) & (a <= 1))) for a in (p, se, sp)):
        raise ValueError("probabilities must lie in [0, 1]")
    with np.errstate(divide="ignore", invalid="ignore"):
        prior_odds = p / (1 - p)
        lr = se / (1 - sp)
        odds = prior_odds * lr
        res = 1.0 / (1.0 + 1.0 / odds)
    res = np.asarray(res, dtype=np.float64)
    return res if is_array else float(res)
