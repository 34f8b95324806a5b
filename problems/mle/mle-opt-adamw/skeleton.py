import numpy as np


def adamw_step(w: np.ndarray, g: np.ndarray, m: np.ndarray, v: np.ndarray, t: int, lr: float, wd: float,
               b1: float = 0.9, b2: float = 0.999, eps: float = 1e-8) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One AdamW step (t counts from 1); return (new_w, new_m, new_v) as new arrays."""
    raise NotImplementedError
