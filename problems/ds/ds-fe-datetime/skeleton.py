import numpy as np
import pandas as pd


def datetime_features(ts: pd.Series) -> pd.DataFrame:
    """year, month, dayofweek (Monday = 0), hour (int64), is_weekend (bool) and
    days_since_first (float64 days since the earliest timestamp), indexed like `ts`.

    `ts` is datetime64 or "YYYY-MM-DD HH:MM:SS" strings. Raises ValueError if `ts` is empty.
    """
    raise NotImplementedError
