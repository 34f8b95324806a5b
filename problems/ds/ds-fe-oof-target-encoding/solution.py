import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def oof_target_encode(cat: pd.Series, y: pd.Series, n_splits: int = 5, m: float = 10.0, seed: int = 0) -> pd.Series:
    """Out-of-fold smoothed target encoding: (sum_out + m*mu_out) / (count_out + m) per row."""
    n = len(cat)
    if len(y) != n:
        raise ValueError("cat and y must have the same length")
    if n_splits < 2 or n_splits > n:
        raise ValueError("n_splits must be between 2 and len(cat)")
    if m < 0:
        raise ValueError("m must be non-negative")
    codes, _ = pd.factorize(cat)
    yv = y.to_numpy(dtype=np.float64)
    k = codes.max() + 1
    tot_sum = np.bincount(codes, weights=yv, minlength=k)
    tot_cnt = np.bincount(codes, minlength=k).astype(np.float64)
    out = np.empty(n, dtype=np.float64)
    kf = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for train_idx, test_idx in kf.split(np.arange(n)):
        mu = yv[train_idx].mean()
        # category totals outside the fold = all rows minus the fold's rows
        s = tot_sum - np.bincount(codes[test_idx], weights=yv[test_idx], minlength=k)
        c = tot_cnt - np.bincount(codes[test_idx], minlength=k)
        cs, cc = s[codes[test_idx]], c[codes[test_idx]]
        den = cc + m
        enc = np.full(len(test_idx), mu)
        ok = den > 0
        enc[ok] = (cs[ok] + m * mu) / den[ok]
        out[test_idx] = enc
    return pd.Series(out, index=cat.index, name=cat.name, dtype="float64")
