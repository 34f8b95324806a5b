import numpy as np


def momentum_step(w: np.ndarray, g: np.ndarray, v: np.ndarray, lr: float, mu: float,
                  nesterov: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """One SGD-with-momentum step (PyTorch convention). Returns (w_new, v_new)."""
    raise NotImplementedError
