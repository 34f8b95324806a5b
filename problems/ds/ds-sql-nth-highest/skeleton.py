from typing import Optional

import numpy as np
import pandas as pd


def nth_highest(s: pd.Series, n: int) -> Optional[float]:
    """The n-th highest distinct non-missing value of `s` as a float, or None if it does not exist."""
    raise NotImplementedError
