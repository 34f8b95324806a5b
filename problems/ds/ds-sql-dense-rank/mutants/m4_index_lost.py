import numpy as np
import pandas as pd


def dense_rank_desc(s):
    uniq = np.unique(s.to_numpy())
    ranks = len(uniq) - np.searchsorted(uniq, s.to_numpy())
    return pd.Series(ranks.astype(np.int64), name=s.name)
