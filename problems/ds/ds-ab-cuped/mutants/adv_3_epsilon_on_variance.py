# breaks: not-constant
# adversary: breaks "If all values of x are equal ... return y unchanged" (an epsilon on var(x) also swallows nearly-constant x)
# class: 2
import numpy as np


def cuped(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """CUPED-adjusted metric; treats var(x) < 1e-12 as 'constant' to avoid dividing by ~0."""
    y = np.array(y, dtype=np.float64)
    x = np.array(x, dtype=np.float64)
    if y.ndim != 1 or x.ndim != 1:
        raise ValueError("y and x must be 1-D")
    if y.shape[0] != x.shape[0]:
        raise ValueError("y and x must have the same length")
    if y.shape[0] == 0:
        raise ValueError("empty input")
    var_x = x.var()
    if var_x < 1e-12:
        return y
    cov_xy = np.mean((x - x.mean()) * (y - y.mean()))
    return y - (cov_xy / var_x) * (x - x.mean())
