import numpy as np


def gmm_e_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray, covs: np.ndarray) -> tuple[np.ndarray, float]:
    """Return (resp, log_likelihood): the E-step responsibilities (n, K) and the total log-likelihood."""
    raise NotImplementedError
