import numpy as np


def adam_step(w: np.ndarray, g: np.ndarray, m: np.ndarray, v: np.ndarray, t: int,
              lr: float = 1e-3, b1: float = 0.9, b2: float = 0.999,
              eps: float = 1e-8) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One Adam step with bias correction (t counts from 1).

    Returns (new_w, new_m, new_v) as new float64 arrays; the inputs are not modified.
    Raises ValueError if t < 1.
    """
    raise NotImplementedError
