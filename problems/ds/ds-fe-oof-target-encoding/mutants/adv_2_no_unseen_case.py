# breaks: unseen-gets-prior
# adversary (a1): no special case for a category without outside rows; with m = 0 that gives 0/0 = NaN, not mu_f (class 1)
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def oof_target_encode(cat: pd.Series, y: pd.Series, n_splits: int = 5, m: float = 10.0,
                      seed: int = 0) -> pd.Series:
    """Out-of-fold smoothed target encoding; relies on the formula giving mu_f when c = 0."""
    n = len(cat)
    if len(y) != n:
        raise ValueError("y and cat must have the same length")
    if not (2 <= n_splits <= n):
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
            enc[te] = (s + m * mu) / (c + m)
    return pd.Series(enc, index=cat.index, name=cat.name)
