import numpy as np


def perm_test(a, b, n_perm, rng):
    # Ignores the rng argument and shuffles with NumPy's global random state.
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.size == 0 or b.size == 0 or n_perm < 1:
        raise ValueError("bad arguments")
    pooled = np.concatenate([a, b])
    na = a.size
    obs = abs(a.mean() - b.mean())
    count = 0
    for _ in range(n_perm):
        s = np.random.permutation(pooled)
        if abs(s[:na].mean() - s[na:].mean()) >= obs:
            count += 1
    return (1 + count) / (n_perm + 1)
