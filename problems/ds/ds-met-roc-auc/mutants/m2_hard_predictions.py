# breaks: pairs-formula
import numpy as np


def roc_auc(y_true, scores):
    # Thresholds the scores at 0.5 first, then takes the AUC of the 0/1 predictions.
    y = np.asarray(y_true)
    s = (np.asarray(scores, dtype=np.float64) >= 0.5).astype(np.float64)
    if y.shape != s.shape or y.ndim != 1:
        raise ValueError("shape mismatch")
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("both classes are required")
    tpr = s[pos].mean()
    fpr = s[~pos].mean()
    return float((tpr + 1.0 - fpr) / 2.0)
