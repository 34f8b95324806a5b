import numpy as np


def information_gain(y: np.ndarray, left_mask: np.ndarray) -> float:
    """Information gain in bits of splitting the labels y into y[left_mask] and y[~left_mask].

    y: 1-D array of class labels; left_mask: 1-D bool array of the same length.
    Returns H(y) - n_left/n * H(left) - n_right/n * H(right), with base-2 entropy.
    An empty side gives 0.0; an empty y raises ValueError.
    """
    raise NotImplementedError
