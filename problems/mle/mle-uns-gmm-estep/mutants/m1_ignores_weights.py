import numpy as np


def _log_gauss(X, mean, cov):
    d = X.shape[1]
    diff = X - mean
    _, logdet = np.linalg.slogdet(cov)
    maha = np.einsum("ij,ij->i", diff, np.linalg.solve(cov, diff.T).T)
    return -0.5 * (d * np.log(2.0 * np.pi) + logdet + maha)


def gmm_e_step(X, weights, means, covs):
    log_joint = np.column_stack([_log_gauss(X, means[k], covs[k]) for k in range(len(weights))])  # no log w_k
    m = log_joint.max(axis=1, keepdims=True)
    log_norm = m + np.log(np.exp(log_joint - m).sum(axis=1, keepdims=True))
    return np.exp(log_joint - log_norm), float(log_norm.sum())
