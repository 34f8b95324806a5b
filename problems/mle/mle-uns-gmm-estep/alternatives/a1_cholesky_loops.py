import math

import numpy as np


def gmm_e_step(X, weights, means, covs):
    # Cholesky factor per component, then a plain Python log-sum-exp per point.
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    K = len(weights)
    logs = np.empty((n, K))
    for k in range(K):
        L = np.linalg.cholesky(covs[k])
        z = np.linalg.solve(L, (X - means[k]).T)           # L z = (x - mu)
        logdet = 2.0 * float(np.sum(np.log(np.diag(L))))
        logs[:, k] = math.log(weights[k]) - 0.5 * (d * math.log(2 * math.pi) + logdet + np.sum(z * z, axis=0))
    resp = np.empty((n, K))
    total = 0.0
    for i in range(n):
        row = [float(v) for v in logs[i]]
        top = max(row)
        lse = top + math.log(sum(math.exp(v - top) for v in row))
        total += lse
        resp[i] = [math.exp(v - lse) for v in row]
    return resp, total
