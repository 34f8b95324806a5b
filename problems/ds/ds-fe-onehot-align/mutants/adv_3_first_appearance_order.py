# breaks: sorted-categories
# adversary (a1): categories in order of first appearance in train (unique() is unsorted) (class 2)
import numpy as np
import pandas as pd


def one_hot_train_test(train: pd.DataFrame, test: pd.DataFrame, cols: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One-hot encode `cols`; categories in order of first appearance in train (unique() is unsorted)."""
    def encode(df: pd.DataFrame, cats: dict) -> pd.DataFrame:
        out = df.drop(columns=list(cols)).copy()
        for c in cols:
            for v in cats[c]:
                out[f"{c}_{v}"] = (df[c] == v).fillna(False).astype("int64")
        return out

    cats = {c: list(train[c].dropna().unique()) for c in cols}
    return encode(train, cats), encode(test, cats)
