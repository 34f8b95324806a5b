import math

import numpy as np


def sinusoidal_pe(T, d):
    # Two nested loops with math.sin / math.cos, one entry at a time.
    if T < 1 or d < 1:
        raise ValueError("T and d must be positive")
    pe = np.zeros((T, d))
    for pos in range(T):
        for j in range(d):
            two_i = j - (j % 2)
            angle = pos / 10000 ** (two_i / d)
            pe[pos, j] = math.sin(angle) if j % 2 == 0 else math.cos(angle)
    return pe
