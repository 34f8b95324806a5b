# breaks: formula
import numpy as np


def softmax(z, axis=-1):
    # Shifts and normalises the scores linearly instead of exponentiating them.
    shifted = z - np.min(z, axis=axis, keepdims=True) + 1.0
    return shifted / np.sum(shifted, axis=axis, keepdims=True)
