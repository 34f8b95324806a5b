import numpy as np


def top_p_filter(logits: np.ndarray, p: float) -> np.ndarray:
    """Nucleus filtering along the last axis: keep the smallest set of most probable tokens whose
    total probability reaches p (ties: lower index first); replace the others by -inf.

    Raises ValueError if p <= 0 or p > 1.
    """
    raise NotImplementedError
