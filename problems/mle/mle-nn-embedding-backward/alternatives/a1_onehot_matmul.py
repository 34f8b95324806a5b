import numpy as np


def embedding_backward(indices, dout, vocab_size):
    # One-hot matrix (positions x vocab) transposed times the flattened upstream gradient.
    flat = np.asarray(indices).ravel()
    for v in flat.tolist():
        if not 0 <= v < vocab_size:
            raise ValueError(f"index {v} is outside [0, {vocab_size})")
    d = dout.shape[-1]
    onehot = (flat[:, None] == np.arange(vocab_size)[None, :]).astype(np.float64)
    return onehot.T @ dout.reshape(-1, d).astype(np.float64)
