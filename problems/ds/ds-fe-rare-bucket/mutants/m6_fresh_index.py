# breaks: index-name
import numpy as np
import pandas as pd


def bucket_rare(train, test, min_count):
    # Builds each output from np.where: the name is kept, the index becomes 0..n-1.
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = train.value_counts()
    keep = set(counts.index[counts >= min_count])

    def apply(s):
        return pd.Series(np.where(s.isna() | s.isin(keep), s, "OTHER"), name=s.name, dtype="str")

    return apply(train), apply(test)
