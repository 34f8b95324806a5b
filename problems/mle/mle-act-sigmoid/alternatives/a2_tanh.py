import numpy as np


def sigmoid(x):
    # sigma(x) = (1 + tanh(x / 2)) / 2; tanh never overflows.
    return 0.5 * (1.0 + np.tanh(0.5 * x))
