# breaks: any-real-scores
import numpy as np


def roc_auc(y_true, scores):
    # Treats the scores as probabilities and clips them to [0, 1] first.
    y = np.asarray(y_true)
    s = np.clip(np.asarray(scores, dtype=np.float64), 0.0, 1.0)
    if y.ndim != 1 or s.shape != y.shape:
        raise ValueError("shape mismatch")
    pos = y == 1
    if pos.all() or not pos.any():
        raise ValueError("both classes are required")
    values, inv = np.unique(s, return_inverse=True)
    pc = np.bincount(inv, weights=pos.astype(float), minlength=values.size)
    nc = np.bincount(inv, weights=(~pos).astype(float), minlength=values.size)
    return float(np.sum(pc * (np.cumsum(nc) - nc + 0.5 * nc)) / (pc.sum() * nc.sum()))
