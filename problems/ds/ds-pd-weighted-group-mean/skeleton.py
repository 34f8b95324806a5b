import numpy as np
import pandas as pd


def weighted_mean(df: pd.DataFrame, group: str, value: str, weight: str) -> pd.Series:
    """Per-group sum(v*w)/sum(w) over rows where value and weight are both present.

    Groups with total weight 0 give NaN. Returns a float64 Series indexed by the sorted group
    keys (index named `group`), named `value`. Raises ValueError for an empty df.
    """
    raise NotImplementedError
