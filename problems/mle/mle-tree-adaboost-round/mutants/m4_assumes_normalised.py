import numpy as np


def adaboost_round(w, y, pred):
    eps = float(np.sum(w[y != pred]))  # assumes the weights already sum to 1
    eps = min(max(eps, 1e-10), 1 - 1e-10)
    alpha = 0.5 * float(np.log((1 - eps) / eps))
    new_w = w * np.exp(-alpha * y * pred)
    return alpha, new_w / new_w.sum()
