import numpy as np


def holm_adjust(pvals: np.ndarray) -> np.ndarray:
    """Holm step-down adjusted p-values (float64), in the input order.

    Sort, multiply the i-th smallest by m - i + 1, take the running maximum, cap at 1.
    """
    raise NotImplementedError
