import math

import numpy as np


def softmax_reg_step(W, b, X, y, lr):
    # Accumulates loss and gradients one sample at a time with plain-float softmax per row.
    W = np.array(W, dtype=float)
    b = np.array(b, dtype=float)
    X = np.array(X, dtype=float)
    n, K = X.shape[0], W.shape[1]
    gW = np.zeros_like(W)
    gb = np.zeros(K)
    total = 0.0
    for i in range(n):
        z = [float(v) for v in X[i] @ W + b]
        m = max(z)
        ex = [math.exp(v - m) for v in z]
        s = sum(ex)
        c = int(y[i])
        total += m + math.log(s) - z[c]
        err = np.array([e / s for e in ex])
        err[c] -= 1.0
        gW += np.outer(X[i], err)
        gb += err
    return W - lr * gW / n, b - lr * gb / n, total / n
