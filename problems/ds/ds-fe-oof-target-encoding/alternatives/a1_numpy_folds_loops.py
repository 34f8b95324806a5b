import numpy as np
import pandas as pd


def oof_target_encode(cat, y, n_splits=5, m=10.0, seed=0):
    # Rebuilds KFold(shuffle=True, random_state=seed) with numpy's legacy RandomState, then plain
    # Python dictionaries per fold.
    n = len(cat)
    if len(y) != n:
        raise ValueError("cat and y must have the same length")
    if n_splits < 2 or n_splits > n:
        raise ValueError("n_splits must be between 2 and len(cat)")
    if m < 0:
        raise ValueError("m must be non-negative")
    perm = np.arange(n)
    np.random.RandomState(seed).shuffle(perm)
    sizes = [n // n_splits + (1 if f < n % n_splits else 0) for f in range(n_splits)]
    fold_of = [0] * n
    start = 0
    for f, size in enumerate(sizes):
        for p in perm[start:start + size]:
            fold_of[int(p)] = f
        start += size
    cats = cat.tolist()
    ys = [float(v) for v in y.tolist()]
    out = [0.0] * n
    for f in range(n_splits):
        sums, counts = {}, {}
        total, cnt = 0.0, 0
        for i in range(n):
            if fold_of[i] != f:
                sums[cats[i]] = sums.get(cats[i], 0.0) + ys[i]
                counts[cats[i]] = counts.get(cats[i], 0) + 1
                total += ys[i]
                cnt += 1
        mu = total / cnt
        for i in range(n):
            if fold_of[i] == f:
                c = counts.get(cats[i], 0)
                out[i] = mu if c + m == 0 else (sums.get(cats[i], 0.0) + m * mu) / (c + m)
    return pd.Series(out, index=cat.index, name=cat.name, dtype="float64")
