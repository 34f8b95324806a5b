import numpy as np


def _log_gauss(X: np.ndarray, mean: np.ndarray, cov: np.ndarray) -> np.ndarray:
    """log N(x | mean, cov) for every row of X (full covariance)."""
    d = X.shape[1]
    diff = X - mean
    sign, logdet = np.linalg.slogdet(cov)
    if sign <= 0:
        raise ValueError("every covariance must be positive definite")
    maha = np.einsum("ij,ij->i", diff, np.linalg.solve(cov, diff.T).T)
    return -0.5 * (d * np.log(2.0 * np.pi) + logdet + maha)


def gmm_e_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray, covs: np.ndarray) -> tuple[np.ndarray, float]:
    """E-step of a Gaussian mixture in log space: (responsibilities (n, K), total log-likelihood)."""
    X = np.asarray(X, dtype=np.float64)
    K = len(weights)
    # log of w_k * N(x_i | mu_k, Sigma_k), shape (n, K)
    log_joint = np.column_stack([np.log(weights[k]) + _log_gauss(X, means[k], covs[k]) for k in range(K)])
    m = log_joint.max(axis=1, keepdims=True)
    log_norm = m + np.log(np.exp(log_joint - m).sum(axis=1, keepdims=True))  # log-sum-exp over components
    resp = np.exp(log_joint - log_norm)
    return resp, float(log_norm.sum())
