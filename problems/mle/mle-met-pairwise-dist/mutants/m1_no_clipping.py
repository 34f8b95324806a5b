import numpy as np


def pairwise_dist(A, B):
    # Takes the square root without clipping tiny negative values at 0.
    sq = (A * A).sum(axis=1)[:, None] + (B * B).sum(axis=1)[None, :] - 2.0 * (A @ B.T)
    return np.sqrt(sq)
