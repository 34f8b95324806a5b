import numpy as np
import pandas as pd


def dense_rank_desc(s):
    # Distinct values sorted ascending; rank = number of distinct values >= v.
    vals = s.to_numpy()
    uniq = np.unique(vals)
    ranks = len(uniq) - np.searchsorted(uniq, vals)
    return pd.Series(ranks.astype(np.int64), index=s.index, name=s.name)
