import numpy as np


def top_eigenpair(A, rng, n_iter=1000, tol=1e-10):
    A = np.asarray(A, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be square")
    v = rng.standard_normal(A.shape[0])
    v /= np.linalg.norm(v)
    for _ in range(n_iter):
        w = A @ v
        nw = np.linalg.norm(w)
        if nw == 0:
            break
        w /= nw
        done = np.linalg.norm(w - v) < tol
        v = w
        if done:
            break
    lam = float(v @ A @ v)
    if v[0] < 0:  # makes the first entry positive instead of the largest-magnitude one
        v = -v
    return lam, v
