import numpy as np


def pairwise_dist(A, B):
    # Augmented vectors: [a, |a|^2, 1] . [-2b, 1, |b|^2] = |a|^2 + |b|^2 - 2 a.b, one matrix product.
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("dimension mismatch")
    na = np.sum(A ** 2, axis=1, keepdims=True)
    nb = np.sum(B ** 2, axis=1, keepdims=True)
    A_aug = np.hstack([A, na, np.ones_like(na)])
    B_aug = np.hstack([-2.0 * B, np.ones_like(nb), nb])
    sq = A_aug @ B_aug.T
    return np.sqrt(np.clip(sq, 0.0, None))
