import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


def oof_target_encode(cat: pd.Series, y: pd.Series, n_splits: int = 5, m: float = 10.0,
                      seed: int = 0) -> pd.Series:
    """Out-of-fold smoothed target encoding.

    Folds: KFold(n_splits, shuffle=True, random_state=seed) over positions 0..n-1. A row in fold f gets
    (sum of y for its category outside f + m * mu_f) / (count outside f + m), mu_f = mean of y outside f;
    a category with no outside row gets mu_f. Returns a float64 Series with cat's index and name.
    Raises ValueError for a length mismatch, n_splits outside [2, len(cat)] or m < 0.
    """
    n = len(cat)
    if len(y) != n:
        raise ValueError("y and cat must have the same length")
    if not (2 <= n_splits <= n):
        raise ValueError("n_splits must be between 2 and len(cat)")
    if m < 0:
        raise ValueError("m must be >= 0")
    codes, _ = pd.factorize(cat.to_numpy(), sort=False)
    n_cat = int(codes.max()) + 1 if n else 0
    target = y.to_numpy(dtype=np.float64)
    enc = np.empty(n, dtype=np.float64)
    kf = KFold(n_splits=int(n_splits), shuffle=True, random_state=seed)
    for train_pos, test_pos in kf.split(np.arange(n)):
        mu = float(target[train_pos].mean())
        sums = np.bincount(codes[train_pos], weights=target[train_pos], minlength=n_cat)
        counts = np.bincount(codes[train_pos], minlength=n_cat).astype(np.float64)
        s = sums[codes[test_pos]]
        c = counts[codes[test_pos]]
        with np.errstate(divide="ignore", invalid="ignore"):
            val = (s + m * mu) / (c + m)
        enc[test_pos] = np.where(c == 0, mu, val)
    return pd.Series(enc, index=cat.index, name=cat.name, dtype=np.float64)
