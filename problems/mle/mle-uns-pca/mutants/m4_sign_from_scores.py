import numpy as np


def pca(X, k):
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    if k < 1 or k > min(n, d):
        raise ValueError("bad k")
    Xc = X - X.mean(axis=0)
    u, s, vt = np.linalg.svd(Xc, full_matrices=False)
    total = float(np.sum(s ** 2))
    if total == 0.0:
        raise ValueError("zero variance")
    comps = vt[:k].copy()
    # sign decided by the largest-magnitude entry of u (the scores), not of the loadings
    top = u[np.argmax(np.abs(u[:, :k]), axis=0), np.arange(k)]
    comps *= np.where(top < 0, -1.0, 1.0)[:, None]
    return comps, s[:k] ** 2 / total, Xc @ comps.T
