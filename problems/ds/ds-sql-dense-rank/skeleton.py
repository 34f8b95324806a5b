import numpy as np
import pandas as pd


def dense_rank_desc(s: pd.Series) -> pd.Series:
    """SQL DENSE_RANK() OVER (ORDER BY value DESC).

    Largest value -> 1, equal values share a rank, no gaps. Returns an int64 Series with the
    same index and name as `s`. `s` has no NaN.
    """
    raise NotImplementedError
