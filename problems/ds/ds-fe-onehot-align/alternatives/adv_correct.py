import numpy as np
import pandas as pd


def _encode(df: pd.DataFrame, cols: list, categories: dict) -> pd.DataFrame:
    other = [c for c in df.columns if c not in cols]
    parts = {name: df[name].copy() for name in other}
    for c in cols:
        values = df[c]
        for v in categories[c]:
            parts[f"{c}_{v}"] = (values == v).fillna(False).astype("int64")
    return pd.DataFrame(parts, index=df.index)


def one_hot_train_test(train: pd.DataFrame, test: pd.DataFrame, cols: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One-hot encode `cols` with the sorted non-missing categories of train only.

    Dummy columns are named f"{col}_{value}", dtype int64; unseen or missing values give all zeros.
    Other columns pass through first, in their original order. Returns (train_out, test_out).
    """
    cols = list(cols)
    for c in cols:
        if c not in train.columns or c not in test.columns:
            raise KeyError(c)
    categories = {c: sorted(train[c].dropna().unique().tolist()) for c in cols}
    return _encode(train, cols, categories), _encode(test, cols, categories)
