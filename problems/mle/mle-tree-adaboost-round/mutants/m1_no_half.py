import numpy as np


def adaboost_round(w, y, pred):
    eps = float(np.sum(w[y != pred]) / np.sum(w))
    eps = min(max(eps, 1e-10), 1 - 1e-10)
    alpha = float(np.log((1 - eps) / eps))  # missing the factor 1/2
    new_w = w * np.exp(-alpha * y * pred)
    return alpha, new_w / new_w.sum()
