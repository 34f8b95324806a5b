import numpy as np
import pandas as pd


def add_lags(df: pd.DataFrame, entity: str, time: str, value: str, lags: tuple = (1, 7)) -> pd.DataFrame:
    """Return a copy of df with a float64 column lag_k for each k in lags: the value k rows earlier
    for the same entity in time order (NaN if there is none). Original row order and index are kept.

    Raises ValueError if a lag is not positive.
    """
    raise NotImplementedError
