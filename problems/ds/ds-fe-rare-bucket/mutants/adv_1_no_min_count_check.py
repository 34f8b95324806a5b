# breaks: min-count-raises
# adversary (a1): min_count is not validated, so 0 or -1 keeps every train category instead of raising (class 1)
import numpy as np
import pandas as pd


def bucket_rare(train: pd.Series, test: pd.Series, min_count: int) -> tuple[pd.Series, pd.Series]:
    """Bucket rare/unseen categories into OTHER using train counts; min_count is not validated."""
    counts = train.value_counts()
    kept = counts.index[counts >= min_count]
    tr = train.where(train.isna() | train.isin(kept), "OTHER")
    te = test.where(test.isna() | test.isin(kept), "OTHER")
    return tr, te
