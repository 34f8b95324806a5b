import numpy as np


def rnn_forward(x: np.ndarray, h0: np.ndarray, Wx: np.ndarray, Wh: np.ndarray, b: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """Vanilla tanh RNN over x of shape (T, N, D) from h0 (N, H); returns (all hidden states, last one)."""
    T, N = x.shape[0], x.shape[1]
    H = Wh.shape[0]
    hs = np.empty((T, N, H), dtype=np.float64)
    h = h0
    for t in range(T):
        h = np.tanh(x[t] @ Wx + h @ Wh + b)  # a new array every step: h0 is never written to
        hs[t] = h
    return hs, hs[-1].copy()
