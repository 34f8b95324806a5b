# breaks: new-frames
# adversary (a1): empty cols returns the inputs themselves, not new DataFrames (class 8)
import numpy as np
import pandas as pd


def one_hot_train_test(train: pd.DataFrame, test: pd.DataFrame, cols: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One-hot encode `cols` with train's sorted categories; nothing to encode returns the inputs."""
    if not cols:
        return train, test
    tr = pd.get_dummies(train, columns=cols, dtype="int64")
    te = pd.get_dummies(test, columns=cols, dtype="int64").reindex(columns=tr.columns, fill_value=0)
    return tr, te
