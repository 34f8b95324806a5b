import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function without overflow: exp is only ever taken of a non-positive number."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_step(x: np.ndarray, h: np.ndarray, c: np.ndarray, W: np.ndarray, b: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
    """One LSTM step with gates [i, f, o, g] stacked in the columns of W (D + H, 4H); returns (h_new, c_new)."""
    H = h.shape[1]
    z = np.concatenate([x, h], axis=1) @ W + b  # (N, 4H)
    i = _sigmoid(z[:, 0:H])
    f = _sigmoid(z[:, H:2 * H])
    o = _sigmoid(z[:, 2 * H:3 * H])
    g = np.tanh(z[:, 3 * H:4 * H])
    c_new = f * c + i * g
    h_new = o * np.tanh(c_new)
    return h_new, c_new
