import numpy as np


def perm_test(a, b, n_perm, rng):
    # All permutations at once: argsort of a uniform matrix gives n_perm random orderings.
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if len(a) == 0 or len(b) == 0 or n_perm < 1:
        raise ValueError("need non-empty samples and n_perm >= 1")
    pooled = np.concatenate([a, b])
    na, n = len(a), len(pooled)
    order = np.argsort(rng.random((n_perm, n)), axis=1)
    perm = pooled[order]
    sum_a = perm[:, :na].sum(axis=1)
    stats = np.abs(sum_a / na - (pooled.sum() - sum_a) / (n - na))
    obs = abs(a.mean() - b.mean())
    count = int(np.count_nonzero(stats >= obs - 1e-9 * max(1.0, obs)))
    return (count + 1) / (n_perm + 1)
