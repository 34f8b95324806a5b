import numpy as np


def rnn_forward(x: np.ndarray, h0: np.ndarray, Wx: np.ndarray, Wh: np.ndarray, b: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """Vanilla RNN: h_t = tanh(x[t] @ Wx + h_(t-1) @ Wh + b), starting from h_(-1) = h0.

    x: (T, N, D), h0: (N, H), Wx: (D, H), Wh: (H, H), b: (H,).
    Returns (hs, h_last): hs (T, N, H) with hs[t] = h_t, and h_last = hs[T-1] of shape (N, H).
    """
    raise NotImplementedError
