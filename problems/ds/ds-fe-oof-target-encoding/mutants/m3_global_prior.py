# breaks: fold-prior
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def oof_target_encode(cat, y, n_splits=5, m=10.0, seed=0):
    # Prior mu taken from all rows instead of the rows outside the fold.
    n = len(cat)
    if len(y) != n:
        raise ValueError("cat and y must have the same length")
    if n_splits < 2 or n_splits > n:
        raise ValueError("bad n_splits")
    if m < 0:
        raise ValueError("m must be non-negative")
    c = cat.to_numpy()
    yv = y.to_numpy(dtype=float)
    mu = yv.mean()
    out = np.empty(n)
    for tr, te in KFold(n_splits, shuffle=True, random_state=seed).split(c):
        g = pd.Series(yv[tr]).groupby(c[tr])
        s, k = g.sum(), g.count()
        cs = pd.Series(c[te]).map(s).fillna(0.0).to_numpy()
        ck = pd.Series(c[te]).map(k).fillna(0.0).to_numpy()
        out[te] = (cs + m * mu) / (ck + m)
    return pd.Series(out, index=cat.index, name=cat.name, dtype="float64")
