import numpy as np


def huber(y: np.ndarray, yhat: np.ndarray, delta: float = 1.0) -> tuple[float, np.ndarray]:
    """Mean Huber loss of r = yhat - y and its gradient with respect to yhat.

    Per entry: 0.5*r**2 if abs(r) <= delta, else delta*(abs(r) - 0.5*delta); loss = mean.
    Returns (loss, grad) with grad a float64 array shaped like yhat.
    Raises ValueError for empty inputs or delta <= 0.
    """
    raise NotImplementedError
