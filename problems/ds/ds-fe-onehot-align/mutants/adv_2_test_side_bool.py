# breaks: int64-dummies
# adversary (a1): the test side forgets dtype=int64, so pd.get_dummies gives bool dummies there (class 4)
import numpy as np
import pandas as pd


def one_hot_train_test(train: pd.DataFrame, test: pd.DataFrame, cols: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One-hot encode `cols` with train's sorted categories; the test side forgets dtype=int64."""
    tr = pd.get_dummies(train, columns=list(cols), dtype="int64")
    te = pd.get_dummies(test, columns=list(cols)).reindex(columns=tr.columns, fill_value=0)
    return tr, te
