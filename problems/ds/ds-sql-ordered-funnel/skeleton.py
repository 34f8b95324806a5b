import numpy as np
import pandas as pd


def ordered_funnel(events: pd.DataFrame, steps: list) -> pd.DataFrame:
    """Users who completed steps 1..k in order (each at or after the previous match), per step.

    Returns a DataFrame with columns step, users (int64), conversion (float64) and a RangeIndex.
    """
    raise NotImplementedError
