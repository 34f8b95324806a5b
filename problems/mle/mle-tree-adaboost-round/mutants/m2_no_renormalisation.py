import numpy as np


def adaboost_round(w, y, pred):
    eps = float(np.sum(w[y != pred]) / np.sum(w))
    eps = min(max(eps, 1e-10), 1 - 1e-10)
    alpha = 0.5 * float(np.log((1 - eps) / eps))
    return alpha, w * np.exp(-alpha * y * pred)  # weights are not renormalised
