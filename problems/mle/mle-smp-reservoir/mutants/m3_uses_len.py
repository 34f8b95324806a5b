def reservoir_sample(iterable, k, rng):
    if k < 0:
        raise ValueError("k must be >= 0")
    n = len(iterable)  # needs a sized sequence: fails on a generator
    if n <= k:
        return list(iterable)
    idx = sorted(int(i) for i in rng.choice(n, size=k, replace=False))
    return [iterable[i] for i in idx]
