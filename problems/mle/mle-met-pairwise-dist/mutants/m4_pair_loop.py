import numpy as np


def pairwise_dist(A, B):
    # Correct values, but a Python loop over every pair of rows (too slow for the large case).
    out = np.empty((A.shape[0], B.shape[0]))
    for i in range(A.shape[0]):
        for j in range(B.shape[0]):
            out[i, j] = np.sqrt(np.sum((A[i] - B[j]) ** 2))
    return out
