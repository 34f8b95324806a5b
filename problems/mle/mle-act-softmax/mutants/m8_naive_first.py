# breaks: no-warnings
import numpy as np


def softmax(z, axis=-1):
    # Tries the naive formula first and falls back to the stable one when it overflowed:
    # right values, but overflow and invalid-value warnings on large inputs.
    e = np.exp(z)
    out = e / np.sum(e, axis=axis, keepdims=True)
    if np.all(np.isfinite(out)):
        return out
    shifted = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)
