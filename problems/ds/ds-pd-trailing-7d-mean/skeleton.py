import numpy as np
import pandas as pd


def trailing_7d_mean(df: pd.DataFrame, date_col: str, value_col: str) -> pd.Series:
    """For each row, the mean of `value_col` over all rows dated within the 7 calendar days
    ending on that row's date (d - 6 days .. d, rows on the same date included).

    Returns a float64 Series with df's index (same order), named `value_col`.
    An empty `df` raises ValueError.
    """
    raise NotImplementedError
