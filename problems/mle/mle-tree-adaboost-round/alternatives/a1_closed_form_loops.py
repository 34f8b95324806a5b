import math

import numpy as np


def adaboost_round(w, y, pred):
    # Plain Python loop: misclassified weights are multiplied by e^alpha, correct ones by e^-alpha.
    ws = [float(v) for v in w.tolist()]
    total = sum(ws)
    wrong = [float(a) != float(b) for a, b in zip(y.tolist(), pred.tolist())]
    eps = sum(v for v, bad in zip(ws, wrong) if bad) / total
    eps = min(max(eps, 1e-10), 1 - 1e-10)
    alpha = 0.5 * math.log((1 - eps) / eps)
    raw = [v * (math.exp(alpha) if bad else math.exp(-alpha)) for v, bad in zip(ws, wrong)]
    s = sum(raw)
    return alpha, np.array([r / s for r in raw], dtype=np.float64)
