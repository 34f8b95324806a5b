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
    raise NotImplementedError
