import numpy as np


def pca(X, k):
    # Eigen-decomposition of the covariance matrix instead of an SVD of the data.
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    if int(k) != k or k < 1 or k > min(n, d):
        raise ValueError("k must satisfy 1 <= k <= min(n, d)")
    if np.array_equal(X.min(axis=0), X.max(axis=0)):
        raise ValueError("all rows are identical: zero total variance")
    mu = X.mean(axis=0)
    Xc = X - mu
    cov = Xc.T @ Xc / (n - 1)
    vals, vecs = np.linalg.eigh(cov)            # ascending order
    order = np.argsort(vals)[::-1]
    vals, vecs = np.clip(vals[order], 0.0, None), vecs[:, order]
    total = float(np.trace(cov))
    comps = np.empty((k, d))
    for i in range(k):
        v = vecs[:, i]
        j = int(np.argmax(np.abs(v)))
        comps[i] = v if v[j] > 0 else -v
    return comps, vals[:k] / total, Xc @ comps.T
