import numpy as np
import pandas as pd


def weighted_mean(df: pd.DataFrame, group: str, value: str, weight: str) -> pd.Series:
    """The weighted mean of `value` (weights `weight`) for every group of `df[group]`."""
    raise NotImplementedError
