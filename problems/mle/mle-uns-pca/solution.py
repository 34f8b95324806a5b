import numpy as np


def pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """PCA by SVD of the centred data: (components (k, d), explained variance ratio (k,), scores (n, k))."""
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1 or k > min(n, d):
        raise ValueError("k must be an integer with 1 <= k <= min(n, d)")
    if np.all(X == X[0]):  # on X itself: centring 0.1s leaves residues of ~1e-17, not exact zeros
        raise ValueError("all rows of X are identical: the total variance is 0")
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    total = float(np.sum(s ** 2))
    comps = vt[:k].copy()
    # sign rule: the largest-magnitude loading of every component is positive
    top = comps[np.arange(k), np.argmax(np.abs(comps), axis=1)]
    comps *= np.where(top < 0, -1.0, 1.0)[:, None]
    ratio = s[:k] ** 2 / total
    return comps, ratio, Xc @ comps.T
