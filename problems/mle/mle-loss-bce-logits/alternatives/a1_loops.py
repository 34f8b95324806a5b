import math


def _log_sigmoid(t):
    # log(1 / (1 + exp(-t))), choosing the safe form for the sign of t
    if t >= 0:
        return -math.log1p(math.exp(-t))
    return t - math.log1p(math.exp(t))


def bce_with_logits(z, y, pos_weight=1.0):
    # Element by element in plain Python; log(1 - sigmoid(t)) = log_sigmoid(-t).
    zs = [float(v) for v in z.ravel()]
    ys = [float(v) for v in y.ravel()]
    total = 0.0
    for zi, yi in zip(zs, ys):
        total -= pos_weight * yi * _log_sigmoid(zi) + (1.0 - yi) * _log_sigmoid(-zi)
    return total / len(zs)
