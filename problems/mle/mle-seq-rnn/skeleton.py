import numpy as np


def rnn_forward(x: np.ndarray, h0: np.ndarray, Wx: np.ndarray, Wh: np.ndarray, b: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """Return (hs, h_last): every hidden state, shape (T, N, H), and the last one, shape (N, H)."""
    raise NotImplementedError
