import numpy as np


def lstm_step(x: np.ndarray, h: np.ndarray, c: np.ndarray, W: np.ndarray, b: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
    """One LSTM step. z = concat([x, h], axis=1) @ W + b holds the gate blocks [i, f, o, g] of width H.

    x: (N, D), h: (N, H), c: (N, H), W: (D + H, 4H), b: (4H,). Returns (h_new, c_new), each (N, H).
    """
    raise NotImplementedError
