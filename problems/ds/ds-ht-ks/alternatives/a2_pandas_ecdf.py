import numpy as np
import pandas as pd


def ks_stat(a, b):
    # ECDFs as pandas Series indexed by the distinct values, aligned on the union of values.
    sa = pd.Series(np.asarray(a, dtype=float))
    sb = pd.Series(np.asarray(b, dtype=float))
    if len(sa) == 0 or len(sb) == 0:
        raise ValueError("both samples must be non-empty")
    grid = np.union1d(sa.to_numpy(), sb.to_numpy())
    fa = sa.value_counts().reindex(grid, fill_value=0).cumsum() / len(sa)
    fb = sb.value_counts().reindex(grid, fill_value=0).cumsum() / len(sb)
    return float((fa - fb).abs().max())
