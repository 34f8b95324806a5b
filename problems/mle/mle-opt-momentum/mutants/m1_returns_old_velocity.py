import numpy as np


def momentum_step(w, g, v, lr, mu, nesterov=False):
    # Moves w correctly but hands back the old velocity.
    new_v = mu * v + g
    step = g + mu * new_v if nesterov else new_v
    return w - lr * step, v
