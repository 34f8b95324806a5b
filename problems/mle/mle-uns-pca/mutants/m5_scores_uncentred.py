import numpy as np


def pca(X, k):
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    if k < 1 or k > min(n, d):
        raise ValueError("bad k")
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    total = float(np.sum(s ** 2))
    if total == 0.0:
        raise ValueError("zero variance")
    comps = vt[:k].copy()
    top = comps[np.arange(k), np.argmax(np.abs(comps), axis=1)]
    comps *= np.where(top < 0, -1.0, 1.0)[:, None]
    return comps, s[:k] ** 2 / total, X @ comps.T  # projects the raw X, not the centred data
