import numpy as np


def log_loss(y_true, p, eps: float = 1e-15) -> float:
    """Mean binary log loss with p clipped to [eps, 1 - eps] (arrays or lists, float64
    arithmetic). Raise ValueError for empty input or different lengths."""
    raise NotImplementedError
