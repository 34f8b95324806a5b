import numpy as np


def softmax_reg_step(W: np.ndarray, b: np.ndarray, X: np.ndarray, y: np.ndarray,
                     lr: float) -> tuple[np.ndarray, np.ndarray, float]:
    """One gradient step on the mean cross-entropy of softmax(X @ W + b) with integer labels y.

    Returns (W_new, b_new, loss) with loss evaluated at the incoming W, b.
    """
    raise NotImplementedError
