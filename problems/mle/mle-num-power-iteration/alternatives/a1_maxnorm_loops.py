import math

import numpy as np


def top_eigenpair(A, rng, n_iter=1000, tol=1e-10):
    # Scales by the entry of largest magnitude each step (not the 2-norm) and stops on the
    # change of the 2-normalised vector; plain Python loops for the products.
    M = [[float(a) for a in row] for row in np.asarray(A)]
    n = len(M)
    if n == 0 or np.ndim(A) != 2 or any(len(r) != n for r in M):
        raise ValueError("A must be square")
    v = [float(x) for x in rng.normal(size=n)]

    def unit(x):
        big = max(abs(t) for t in x)
        if big == 0.0:
            return None
        y = [t / big for t in x]  # scale first so the squares cannot overflow
        s = math.sqrt(sum(t * t for t in y))
        return [t / s for t in y]

    v = unit(v)
    for _ in range(n_iter):
        w = [sum(M[i][j] * v[j] for j in range(n)) for i in range(n)]
        big = max(abs(t) for t in w)
        if big == 0.0:
            break
        w = unit([t / big for t in w])
        change = math.sqrt(sum((a - b) ** 2 for a, b in zip(w, v)))
        v = w
        if change < tol:
            break
    Av = [sum(M[i][j] * v[j] for j in range(n)) for i in range(n)]
    lam = sum(a * b for a, b in zip(v, Av))
    k = max(range(n), key=lambda i: abs(v[i]))
    if v[k] < 0:
        v = [-t for t in v]
    return float(lam), np.array(v, dtype=np.float64)
