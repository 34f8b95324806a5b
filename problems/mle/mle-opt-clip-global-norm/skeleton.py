import numpy as np


def clip_global_norm(grads: list, max_norm: float) -> tuple[list, float]:
    """Return (clipped_list, total_norm_before_clipping) using one common scale factor."""
    raise NotImplementedError
