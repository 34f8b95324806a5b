def reservoir_sample(iterable, k, rng):
    if k < 0:
        raise ValueError("k must be >= 0")
    reservoir = []
    for i, item in enumerate(iterable):
        if i < k:
            reservoir.append(item)
        else:
            j = int(rng.integers(0, i))  # uniform on 0..i-1: favours late items
            if j < k:
                reservoir[j] = item
    return reservoir
