import numpy as np


def momentum_step(w, g, v, lr, mu, nesterov=False):
    # Updates the caller's v and w arrays in place.
    v *= mu
    v += g
    if nesterov:
        w -= lr * (g + mu * v)
    else:
        w -= lr * v
    return w, v
