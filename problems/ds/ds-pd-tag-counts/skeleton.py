import numpy as np
import pandas as pd


def tag_counts(s: pd.Series) -> pd.Series:
    """Count cleaned tags in a Series of comma-separated tag lists.

    Skip missing rows; split on ","; strip and lowercase each piece; drop empty pieces.
    Return an int64 Series named "count", indexed by tag (str index named "tag"),
    sorted by count descending, then tag ascending.
    """
    raise NotImplementedError
