import numpy as np


def embedding_backward(indices: np.ndarray, dout: np.ndarray, vocab_size: int) -> np.ndarray:
    """Gradient dL/dW of out = W[indices], given dout = dL/dout of shape indices.shape + (D,).

    Returns a float64 array of shape (vocab_size, D); repeated indices accumulate.
    An index outside 0..vocab_size-1 raises ValueError.
    """
    raise NotImplementedError
