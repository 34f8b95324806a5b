import math

import numpy as np


def reservoir_sample(iterable, k, rng):
    # Algorithm L: instead of one random number per item, jump ahead by a geometric number of items
    # between replacements. Same distribution (uniform k-subsets), far fewer random draws.
    if int(k) != k or k < 0:
        raise ValueError("k must be a non-negative integer")
    k = int(k)
    it = iter(iterable)
    reservoir = []
    if k == 0:
        return reservoir
    for item in it:
        reservoir.append(item)
        if len(reservoir) == k:
            break
    if len(reservoir) < k:
        return reservoir
    w = math.exp(math.log(1.0 - rng.random()) / k)
    while True:
        skip = math.floor(math.log(1.0 - rng.random()) / math.log(1.0 - w)) if w < 1.0 else 0
        item = None
        found = False
        for _ in range(skip + 1):  # the item skip + 1 positions ahead enters the reservoir
            try:
                item = next(it)
            except StopIteration:
                return reservoir
            found = True
        if found:
            reservoir[int(rng.integers(k))] = item
            w *= math.exp(math.log(1.0 - rng.random()) / k)
