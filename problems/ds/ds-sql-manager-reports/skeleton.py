import numpy as np
import pandas as pd


def managers_with_reports(emp: pd.DataFrame, k: int) -> list[str]:
    """Sorted names of the managers (by id, present in `emp`) with at least k direct reports."""
    raise NotImplementedError
