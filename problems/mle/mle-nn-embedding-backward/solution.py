import numpy as np


def embedding_backward(indices: np.ndarray, dout: np.ndarray, vocab_size: int) -> np.ndarray:
    """dL/dW for out = W[indices]: row v of the result is the sum of dout over the positions where indices == v."""
    indices = np.asarray(indices)
    if indices.size and (indices.min() < 0 or indices.max() >= vocab_size):
        raise ValueError("indices must lie in [0, vocab_size)")
    d = dout.shape[-1]
    dW = np.zeros((vocab_size, d), dtype=np.float64)
    np.add.at(dW, indices.reshape(-1), dout.reshape(-1, d))
    return dW
