# breaks: inputs-unchanged
# adversary (a1): out = s aliases the input, so OTHER is written into the caller's Series and the inputs are returned (class 8)
import numpy as np
import pandas as pd


def bucket_rare(train: pd.Series, test: pd.Series, min_count: int) -> tuple[pd.Series, pd.Series]:
    """Bucket rare/unseen categories into OTHER using train counts; assigns into the given Series."""
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = train.value_counts()
    kept = set(counts.index[counts >= min_count])
    outs = []
    for s in (train, test):
        out = s
        out[s.notna() & ~s.isin(kept)] = "OTHER"
        outs.append(out)
    return outs[0], outs[1]
