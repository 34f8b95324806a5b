import numpy as np


def perm_test(a, b, n_perm, rng):
    # Resamples the pooled data WITH replacement (a bootstrap), not a permutation.
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.size == 0 or b.size == 0 or n_perm < 1:
        raise ValueError("bad arguments")
    pooled = np.concatenate([a, b])
    na = a.size
    obs = abs(a.mean() - b.mean())
    count = 0
    for _ in range(n_perm):
        res = rng.choice(pooled, size=pooled.size, replace=True)
        if abs(res[:na].mean() - res[na:].mean()) >= obs:
            count += 1
    return (1 + count) / (n_perm + 1)
