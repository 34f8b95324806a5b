import numpy as np


def nth_highest(s, n):
    # Wrong: returns NaN instead of None when the n-th value does not exist.
    if n < 1:
        raise ValueError("n must be at least 1")
    distinct = s.dropna().drop_duplicates().sort_values(ascending=False)
    return float(distinct.iloc[n - 1]) if n <= len(distinct) else np.nan
