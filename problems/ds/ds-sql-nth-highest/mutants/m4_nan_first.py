import numpy as np


def nth_highest(s, n):
    # Wrong: np.unique keeps NaN (sorted last), so reversing puts NaN in first place.
    if n < 1:
        raise ValueError("n must be at least 1")
    ordered = np.unique(s.to_numpy(dtype=float))[::-1]
    return float(ordered[n - 1]) if n <= len(ordered) else None
