# breaks: nan-stays
# adversary (a1): test values mapped with a lookup that sends NaN to OTHER (class 1)
import numpy as np
import pandas as pd


def bucket_rare(train: pd.Series, test: pd.Series, min_count: int) -> tuple[pd.Series, pd.Series]:
    """Bucket rare/unseen categories; test values are mapped with a lookup that sends NaN to OTHER."""
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = train.value_counts()
    kept = set(counts.index[counts >= min_count])
    tr = train.where(train.isna() | train.isin(kept), "OTHER")
    te = test.map(lambda v: v if v in kept else "OTHER")
    return tr, te
