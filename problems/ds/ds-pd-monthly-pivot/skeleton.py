import numpy as np
import pandas as pd


def monthly_revenue(df: pd.DataFrame) -> pd.DataFrame:
    """Month-by-category table of summed revenue.

    Rows: "YYYY-MM" strings sorted ascending (index named "month", dtype str).
    Columns: categories sorted ascending (column index named "category", dtype str).
    Cells: float64 sums of `revenue`; combinations without rows are 0.0.
    An empty `df` raises ValueError.
    """
    raise NotImplementedError
