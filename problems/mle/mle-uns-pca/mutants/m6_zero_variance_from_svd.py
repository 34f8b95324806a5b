# breaks: identical-rows-raise (all rows of X identical, n = 1 included, raise ValueError)
import numpy as np


def pca(X, k):
    # Detects identical rows by an exactly zero total variance after centring: rows of 0.1s leave
    # residues of ~1e-17, so the check passes and the "components" are rounding noise.
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    if k < 1 or k > min(n, d):
        raise ValueError("k must satisfy 1 <= k <= min(n, d)")
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    total = float(np.sum(s ** 2))
    if total == 0.0:
        raise ValueError("all rows of X are identical")
    comps = vt[:k].copy()
    top = comps[np.arange(k), np.argmax(np.abs(comps), axis=1)]
    comps *= np.where(top < 0, -1.0, 1.0)[:, None]
    return comps, s[:k] ** 2 / total, Xc @ comps.T
