import numpy as np


def momentum_step(w, g, v, lr, mu, nesterov=False):
    # Nesterov look-ahead uses the old velocity instead of the new one.
    new_v = mu * v + g
    step = g + mu * v if nesterov else new_v
    return w - lr * step, new_v
