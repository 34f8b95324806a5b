import numpy as np


def clip_global_norm(grads: list[np.ndarray], max_norm: float) -> tuple[list[np.ndarray], float]:
    """Return (clipped, total_norm): the jointly clipped arrays and the global norm before clipping."""
    raise NotImplementedError
