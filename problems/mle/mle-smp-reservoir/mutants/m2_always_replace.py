def reservoir_sample(iterable, k, rng):
    if k < 0:
        raise ValueError("k must be >= 0")
    reservoir = []
    for i, item in enumerate(iterable):
        if i < k:
            reservoir.append(item)
        else:
            reservoir[int(rng.integers(0, k))] = item  # every item replaces a random slot: recency bias
    return reservoir
