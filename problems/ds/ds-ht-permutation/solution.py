import numpy as np


def perm_test(a: np.ndarray, b: np.ndarray, n_perm: int, rng: np.random.Generator) -> float:
    """Two-sided permutation test on |mean(a) - mean(b)|; p = (1 + #{T* >= T}) / (n_perm + 1)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.size == 0 or b.size == 0:
        raise ValueError("both samples must be non-empty")
    if int(n_perm) < 1:
        raise ValueError("n_perm must be at least 1")
    pooled = np.concatenate([a, b])
    na = a.size
    observed = abs(a.mean() - b.mean())
    count = 0
    for _ in range(int(n_perm)):
        shuffled = rng.permutation(pooled)
        stat = abs(shuffled[:na].mean() - shuffled[na:].mean())
        if stat >= observed - 1e-12:
            count += 1
    return float((1 + count) / (int(n_perm) + 1))
