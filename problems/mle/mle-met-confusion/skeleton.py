import numpy as np


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    """Return the (n_classes, n_classes) int64 confusion matrix; rows = true class, columns = predicted."""
    raise NotImplementedError
