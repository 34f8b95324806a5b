# breaks: m-estimate
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def oof_target_encode(cat, y, n_splits=5, m=10.0, seed=0):
    # Out of fold, but plain category means (m ignored); unseen categories get the fold mean.
    n = len(cat)
    if len(y) != n:
        raise ValueError("cat and y must have the same length")
    if n_splits < 2 or n_splits > n:
        raise ValueError("bad n_splits")
    if m < 0:
        raise ValueError("m must be non-negative")
    c = cat.to_numpy()
    yv = y.to_numpy(dtype=float)
    out = np.empty(n)
    for tr, te in KFold(n_splits, shuffle=True, random_state=seed).split(c):
        means = pd.Series(yv[tr]).groupby(c[tr]).mean()
        out[te] = pd.Series(c[te]).map(means).fillna(yv[tr].mean()).to_numpy()
    return pd.Series(out, index=cat.index, name=cat.name, dtype="float64")
