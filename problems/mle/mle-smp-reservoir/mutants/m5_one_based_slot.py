def reservoir_sample(iterable, k, rng):
    if k < 0:
        raise ValueError("k must be >= 0")
    reservoir = []
    for i, item in enumerate(iterable):
        if i < k:
            reservoir.append(item)
        else:
            j = int(rng.integers(1, i + 1))  # 1-based draw on 1..i: slot 0 is never replaced
            if j < k:
                reservoir[j] = item
    return reservoir
