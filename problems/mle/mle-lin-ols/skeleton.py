import numpy as np


def ols_fit(X: np.ndarray, y: np.ndarray, fit_intercept: bool = True) -> tuple[np.ndarray, float]:
    """Least-squares fit y ≈ X @ w + b; minimum-norm w when X is rank-deficient. Returns (w, b)."""
    raise NotImplementedError
