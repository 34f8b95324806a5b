# breaks: axis
import numpy as np


def softmax(z, axis=-1):
    # Accepts `axis` but always normalises over the last axis.
    shifted = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)
