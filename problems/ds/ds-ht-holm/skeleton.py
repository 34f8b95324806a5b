import numpy as np


def holm_adjust(pvals: np.ndarray) -> np.ndarray:
    """Return the Holm-adjusted p-values (float64), in the input order."""
    raise NotImplementedError
