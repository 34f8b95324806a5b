import numpy as np


def jackknife_se(x, stat):
    # Via pseudo-values p_i = n*theta - (n-1)*theta_(-i): SE = std(p, ddof=1) / sqrt(n).
    x = np.asarray(x)
    n = len(x)
    if n < 2:
        raise ValueError("need at least two values")
    idx = np.arange(n)
    loo = np.array([stat(x[idx != i]) for i in range(n)], dtype=float)
    pseudo = n * float(stat(x)) - (n - 1) * loo
    return float(np.std(pseudo, ddof=1) / np.sqrt(n))
