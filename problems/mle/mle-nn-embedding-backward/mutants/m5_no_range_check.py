import numpy as np


def embedding_backward(indices, dout, vocab_size):
    d = dout.shape[-1]
    dW = np.zeros((vocab_size, d))
    np.add.at(dW, np.asarray(indices).reshape(-1), dout.reshape(-1, d))  # -1 silently wraps to the last row
    return dW
