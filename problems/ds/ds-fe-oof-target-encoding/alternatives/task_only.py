import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def oof_target_encode(cat, y, n_splits=5, m=10.0, seed=0):
    n = len(cat)
    if len(y) != n:
        raise ValueError("cat and y must have the same length")
    if not (2 <= n_splits <= n):
        raise ValueError("n_splits must be in [2, len(cat)]")
    if m < 0:
        raise ValueError("m must be >= 0")
    cats = cat.to_numpy()
    yv = y.to_numpy(dtype=np.float64)
    out = np.empty(n, dtype=np.float64)
    kf = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for train_idx, test_idx in kf.split(np.arange(n)):
        mu = yv[train_idx].mean()
        stats = pd.DataFrame({"c": cats[train_idx], "y": yv[train_idx]}).groupby("c")["y"].agg(["sum", "count"])
        s = pd.Series(cats[test_idx]).map(stats["sum"]).to_numpy(dtype=np.float64)
        k = pd.Series(cats[test_idx]).map(stats["count"]).to_numpy(dtype=np.float64)
        enc = np.full(test_idx.size, mu)
        seen = ~np.isnan(k)
        enc[seen] = (s[seen] + m * mu) / (k[seen] + m)
        out[test_idx] = enc
    return pd.Series(out, index=cat.index, name=cat.name, dtype="float64")
