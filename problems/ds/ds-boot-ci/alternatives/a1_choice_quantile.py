import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    # One rng.choice call per resample, then np.quantile on the sorted statistics.
    data = np.array(x, copy=True)
    if len(data) == 0:
        raise ValueError("empty sample")
    if n_boot < 1 or not (0.0 < conf < 1.0):
        raise ValueError("bad n_boot or conf")
    values = []
    for _ in range(n_boot):
        sample = rng.choice(data, size=len(data), replace=True)
        values.append(stat(sample))
    values = np.sort(np.asarray(values, dtype=float))
    tail = (1.0 - conf) / 2.0
    return float(np.quantile(values, tail)), float(np.quantile(values, 1.0 - tail))
