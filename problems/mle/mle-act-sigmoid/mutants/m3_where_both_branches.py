import numpy as np


def sigmoid(x):
    # np.where evaluates BOTH branches on every entry, so exp overflows anyway
    return np.where(x >= 0, 1.0 / (1.0 + np.exp(-x)), np.exp(x) / (1.0 + np.exp(x)))
