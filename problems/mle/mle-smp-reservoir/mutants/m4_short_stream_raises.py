def reservoir_sample(iterable, k, rng):
    if k < 0:
        raise ValueError("k must be >= 0")
    reservoir = []
    for i, item in enumerate(iterable):
        if i < k:
            reservoir.append(item)
        else:
            j = int(rng.integers(0, i + 1))
            if j < k:
                reservoir[j] = item
    if len(reservoir) < k:
        raise ValueError("the stream has fewer than k items")  # should return everything instead
    return reservoir
