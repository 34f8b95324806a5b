import numpy as np


def lasso_cd(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int = 1000,
             tol: float = 1e-8) -> np.ndarray:
    """Cyclic coordinate descent for (1/2n)*||y - X @ w||^2 + alpha*||w||_1 (no intercept), from w = 0.

    Stops after a sweep whose largest coordinate change is < tol, or after n_iter sweeps.
    """
    raise NotImplementedError
