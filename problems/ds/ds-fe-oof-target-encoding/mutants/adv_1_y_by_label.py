# breaks: positions-not-labels
# adversary (a1): the fold's rows of y are read with .loc, positions used as index labels (class 6)
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def oof_target_encode(cat: pd.Series, y: pd.Series, n_splits: int = 5, m: float = 10.0,
                      seed: int = 0) -> pd.Series:
    """Out-of-fold smoothed target encoding; fold rows of y are looked up with .loc (labels)."""
    n = len(cat)
    if len(y) != n:
        raise ValueError("y and cat must have the same length")
    if not (2 <= n_splits <= n):
        raise ValueError("n_splits must be between 2 and len(cat)")
    if m < 0:
        raise ValueError("m must be >= 0")
    enc = pd.Series(np.nan, index=cat.index, name=cat.name, dtype="float64")
    kf = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for tr, te in kf.split(np.arange(n)):
        tr_labels, te_labels = cat.index[tr], cat.index[te]
        y_tr = y.loc[tr].astype("float64")            # positions used as labels
        mu = y_tr.mean()
        stats = y_tr.groupby(cat.iloc[tr].to_numpy()).agg(["sum", "count"])
        s = cat.loc[te_labels].map(stats["sum"]).fillna(0.0)
        c = cat.loc[te_labels].map(stats["count"]).fillna(0.0)
        enc.loc[te_labels] = np.where(c == 0, mu, (s + m * mu) / (c + m))
    return enc
