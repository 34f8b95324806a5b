import math

import numpy as np

EPS_CLIP = 1e-10


def adaboost_round(w: np.ndarray, y: np.ndarray, pred: np.ndarray) -> tuple[float, np.ndarray]:
    """One discrete AdaBoost round: returns (alpha, new normalised weights)."""
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    pred = np.asarray(pred, dtype=np.float64)
    eps = float(np.sum(w[y != pred]) / np.sum(w))
    eps = min(max(eps, EPS_CLIP), 1.0 - EPS_CLIP)
    alpha = 0.5 * math.log((1.0 - eps) / eps)
    new_w = w * np.exp(-alpha * y * pred)
    return alpha, new_w / new_w.sum()
