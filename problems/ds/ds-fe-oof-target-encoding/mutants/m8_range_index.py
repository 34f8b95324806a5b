# breaks: index-name
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def oof_target_encode(cat, y, n_splits=5, m=10.0, seed=0):
    # The Series gets a fresh RangeIndex instead of cat's index.
    n = len(cat)
    if len(y) != n:
        raise ValueError("cat and y must have the same length")
    if not 2 <= n_splits <= n:
        raise ValueError("n_splits must be between 2 and len(cat)")
    if m < 0:
        raise ValueError("m must be >= 0")
    codes, _ = pd.factorize(cat.to_numpy())
    k = codes.max() + 1
    t = y.to_numpy(dtype=np.float64)
    enc = np.empty(n)
    for tr, te in KFold(n_splits=n_splits, shuffle=True, random_state=seed).split(np.arange(n)):
        mu = t[tr].mean()
        s = np.bincount(codes[tr], weights=t[tr], minlength=k)[codes[te]]
        c = np.bincount(codes[tr], minlength=k)[codes[te]]
        with np.errstate(invalid="ignore", divide="ignore"):
            enc[te] = np.where(c == 0, mu, (s + m * mu) / (c + m))
    return pd.Series(enc, name=cat.name, dtype="float64")
