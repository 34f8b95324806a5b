import numpy as np


def adaboost_round(w: np.ndarray, y: np.ndarray, pred: np.ndarray) -> tuple[float, np.ndarray]:
    """Return (alpha, w_new) of one discrete AdaBoost round for labels in {-1, +1}."""
    raise NotImplementedError
