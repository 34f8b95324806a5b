# breaks: out-of-fold
import pandas as pd


def oof_target_encode(cat, y, n_splits=5, m=10.0, seed=0):
    # Smoothed encoding fitted on all rows: each row's own target leaks into its encoding.
    if len(y) != len(cat):
        raise ValueError("cat and y must have the same length")
    if n_splits < 2 or n_splits > len(cat):
        raise ValueError("bad n_splits")
    if m < 0:
        raise ValueError("m must be non-negative")
    yv = pd.Series(y.to_numpy(dtype=float), index=cat.index)
    mu = yv.mean()
    g = yv.groupby(cat.to_numpy())
    stats = pd.DataFrame({"s": g.sum(), "c": g.count()})
    enc = (stats["s"] + m * mu) / (stats["c"] + m)
    return pd.Series(enc.reindex(cat.to_numpy()).to_numpy(), index=cat.index, name=cat.name, dtype="float64")
