import math


def nth_highest(s, n):
    # Plain Python: a set of the non-missing values, sorted in descending order.
    if n < 1:
        raise ValueError("n must be at least 1")
    values = {float(v) for v in s.tolist() if not (isinstance(v, float) and math.isnan(v))}
    ordered = sorted(values, reverse=True)
    return ordered[n - 1] if n <= len(ordered) else None
