import numpy as np


def knn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    """Predict a label for each row of X_test by majority vote of its k nearest training points.

    Euclidean distance; distance ties: lower training index first; vote ties: smallest label.
    Returns an array of shape (m,) with the dtype of y_train. Raises ValueError unless 1 <= k <= n.
    """
    raise NotImplementedError
