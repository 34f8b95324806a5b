import numpy as np


def pairwise_dist(A, B):
    # Returns squared distances (no square root).
    sq = (A * A).sum(axis=1)[:, None] + (B * B).sum(axis=1)[None, :] - 2.0 * (A @ B.T)
    return np.maximum(sq, 0.0)
