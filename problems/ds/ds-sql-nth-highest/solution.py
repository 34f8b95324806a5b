from typing import Optional

import pandas as pd


def nth_highest(s: pd.Series, n: int) -> Optional[float]:
    """The n-th largest distinct non-missing value of `s` as a float, or None if there is none."""
    if n < 1:
        raise ValueError("n must be at least 1")
    distinct = s.dropna().drop_duplicates().sort_values(ascending=False)
    if n > len(distinct):
        return None
    return float(distinct.iloc[n - 1])
