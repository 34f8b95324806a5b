# breaks: k-items-in-memory (one pass, keeping only k items in memory: the stream is not materialised)
import numpy as np


def reservoir_sample(iterable, k, rng):
    # Reads the whole stream into a list, then picks k positions without replacement: uniform,
    # works on one-shot iterators, but holds all n items in memory.
    if k < 0:
        raise ValueError("k must be >= 0")
    items = list(iterable)
    if len(items) <= k:
        return items
    return [items[i] for i in rng.choice(len(items), size=k, replace=False)]
