import numpy as np


def bh_reject(pvals: np.ndarray, q: float = 0.05) -> np.ndarray:
    """Benjamini-Hochberg step-up procedure at false discovery rate q.

    Returns a bool array in the input order: True where the hypothesis is rejected.
    """
    raise NotImplementedError
