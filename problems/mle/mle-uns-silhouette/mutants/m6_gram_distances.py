# breaks: coincident-exact-zero (coincident points are at distance exactly 0; a = b = 0 gives 0)
import numpy as np


def silhouette(X, labels):
    # Distances from the |a|^2 + |b|^2 - 2ab expansion: coincident points of values such as 0.1
    # end up at ~1e-8 instead of 0, so a 0/0 case becomes a silhouette of about +-1.
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    uniq, codes = np.unique(labels, return_inverse=True)
    k = len(uniq)
    if not 2 <= k <= n - 1:
        raise ValueError("the number of clusters must be between 2 and n - 1")
    sq = np.sum(X * X, axis=1)
    dist = np.sqrt(np.maximum(sq[:, None] + sq[None, :] - 2.0 * X @ X.T, 0.0))
    s = np.zeros(n)
    for i in range(n):
        own = codes == codes[i]
        if own.sum() == 1:
            continue
        a = dist[i, own].sum() / (own.sum() - 1)
        b = min(dist[i, codes == c].mean() for c in range(k) if c != codes[i])
        denom = max(a, b)
        s[i] = (b - a) / denom if denom > 0 else 0.0
    return float(s.mean())
