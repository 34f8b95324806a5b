import numpy as np


def momentum_step(w: np.ndarray, g: np.ndarray, v: np.ndarray, lr: float, mu: float,
                  nesterov: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """One SGD-with-momentum step in the PyTorch convention; returns (new_w, new_v)."""
    new_v = mu * v + g
    step = g + mu * new_v if nesterov else new_v
    return w - lr * step, new_v
