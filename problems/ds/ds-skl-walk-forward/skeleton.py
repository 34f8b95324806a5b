import numpy as np


def walk_forward_predict(estimator, X, y, n_splits: int = 5) -> np.ndarray:
    """Return the walk-forward out-of-sample predictions (float64, length len(y), NaN where no fold tests)."""
    raise NotImplementedError
