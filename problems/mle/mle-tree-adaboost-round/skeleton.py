import numpy as np


def adaboost_round(w: np.ndarray, y: np.ndarray, pred: np.ndarray) -> tuple[float, np.ndarray]:
    """One discrete AdaBoost round for labels in {-1, +1}.

    eps = misclassified share of the weight, clipped to [1e-10, 1 - 1e-10];
    alpha = 0.5 * ln((1 - eps) / eps); w_new = w * exp(-alpha * y * pred), renormalised to sum 1.
    Returns (alpha, w_new).
    """
    raise NotImplementedError
