import numpy as np


def adaboost_round(w, y, pred):
    eps = np.sum(w[y != pred]) / np.sum(w)  # not clipped: eps = 0 divides by zero
    alpha = 0.5 * np.log((1 - eps) / eps)
    new_w = w * np.exp(-alpha * y * pred)
    return float(alpha), new_w / new_w.sum()
