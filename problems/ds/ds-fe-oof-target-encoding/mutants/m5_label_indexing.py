# breaks: positions-not-labels
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def oof_target_encode(cat, y, n_splits=5, m=10.0, seed=0):
    # Uses the fold positions as index labels (cat[pos] / y[pos]): wrong when the index is not 0..n-1.
    n = len(cat)
    if len(y) != n:
        raise ValueError("cat and y must have the same length")
    if n_splits < 2 or n_splits > n:
        raise ValueError("bad n_splits")
    if m < 0:
        raise ValueError("m must be non-negative")
    out = pd.Series(0.0, index=cat.index, name=cat.name)
    for tr, te in KFold(n_splits, shuffle=True, random_state=seed).split(np.arange(n)):
        ytr, ctr = y.loc[tr].astype(float), cat.loc[tr]
        mu = ytr.mean()
        s = ytr.groupby(ctr).sum()
        k = ytr.groupby(ctr).count()
        cte = cat.loc[te]
        enc = (cte.map(s).fillna(0.0) + m * mu) / (cte.map(k).fillna(0.0) + m)
        out.loc[te] = enc.to_numpy()
    return out.astype("float64")
