import numpy as np
import pandas as pd


def latest_per_key(df: pd.DataFrame, key: str, ts: str) -> pd.DataFrame:
    """One row per distinct `key`: the row with the latest `ts`.

    Ties on `ts` go to the row that appears last in `df`. Rows sorted by `key` ascending,
    original index labels kept, same columns and dtypes as `df`.
    """
    raise NotImplementedError
