import numpy as np


def embedding_backward(indices: np.ndarray, dout: np.ndarray, vocab_size: int) -> np.ndarray:
    """Return dW = dL/dW, a float64 array of shape (vocab_size, D), for out = W[indices]."""
    raise NotImplementedError
