import numpy as np


def gmm_e_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray, covs: np.ndarray) -> tuple[np.ndarray, float]:
    """E-step of a Gaussian mixture in log space; return (responsibilities (n, K), total log-likelihood)."""
    raise NotImplementedError
