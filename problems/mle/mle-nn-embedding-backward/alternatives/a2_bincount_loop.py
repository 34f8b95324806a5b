import numpy as np


def embedding_backward(indices, dout, vocab_size):
    # One np.bincount (with weights) per embedding dimension.
    flat = np.asarray(indices).reshape(-1)
    if flat.size and (flat.min() < 0 or flat.max() >= vocab_size):
        raise ValueError("index out of range")
    g = dout.reshape(flat.size, dout.shape[-1])
    cols = [np.bincount(flat, weights=g[:, j], minlength=vocab_size).astype(np.float64) for j in range(g.shape[1])]
    return np.stack(cols, axis=1) if cols else np.zeros((vocab_size, 0))
