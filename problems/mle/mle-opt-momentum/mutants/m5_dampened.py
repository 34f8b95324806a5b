import numpy as np


def momentum_step(w, g, v, lr, mu, nesterov=False):
    # Exponential-moving-average velocity: v = mu * v + (1 - mu) * g.
    new_v = mu * v + (1.0 - mu) * g
    step = g + mu * new_v if nesterov else new_v
    return w - lr * step, new_v
