import math


def log_loss(y_true, p, eps=1e-15):
    # Plain loop with math.log, picking the term that matches each label.
    ys = [float(v) for v in y_true]
    ps = [float(v) for v in p]
    if len(ys) != len(ps) or not ys:
        raise ValueError("inputs must be non-empty and of equal length")
    total = 0.0
    for y, q in zip(ys, ps):
        q = min(max(q, eps), 1.0 - eps)
        total += -math.log(q) if y == 1 else -math.log1p(-q)
    return total / len(ys)
