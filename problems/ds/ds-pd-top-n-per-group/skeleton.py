import numpy as np
import pandas as pd


def top_n_per_group(df: pd.DataFrame, group_col: str, value_col: str, n: int) -> pd.DataFrame:
    """Keep the n rows with the largest `value_col` in each group of `group_col`.

    NaN values are never chosen; ties keep the earlier row; rows are ordered by group ascending,
    then value descending; same columns and dtypes as `df`; index reset to 0..k-1.
    A negative n raises ValueError.
    """
    raise NotImplementedError
