import numpy as np
import pandas as pd


def trailing_7d_mean(df: pd.DataFrame, date_col: str, value_col: str) -> pd.Series:
    """For each row, the mean of `value_col` over the rows dated in the 7 calendar days ending on its date."""
    raise NotImplementedError
