import numpy as np


def huber(y, yhat, delta=1.0):
    # Entry by entry, with the two branches written out.
    if delta <= 0:
        raise ValueError("delta must be positive")
    ys = [float(v) for v in np.ravel(y)]
    hs = [float(v) for v in np.ravel(yhat)]
    n = len(ys)
    if n == 0:
        raise ValueError("no data")
    total = 0.0
    grad = []
    for a, b in zip(ys, hs):
        r = b - a
        if abs(r) <= delta:
            total += 0.5 * r * r
            grad.append(r / n)
        else:
            total += delta * (abs(r) - 0.5 * delta)
            grad.append((delta if r > 0 else -delta) / n)
    return total / n, np.array(grad, dtype=np.float64).reshape(np.shape(yhat))
