import numpy as np
import pandas as pd


def cohort_retention(events: pd.DataFrame, user_col: str, date_col: str) -> pd.DataFrame:
    """Share of each monthly cohort's users active 0, 1, ..., K calendar months after their first month.

    Index: DatetimeIndex named "cohort" (first day of the month); columns 0..K named "month"; float64.
    """
    raise NotImplementedError
