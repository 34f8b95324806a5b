import numpy as np
import pandas as pd


def one_hot_train_test(train: pd.DataFrame, test: pd.DataFrame, cols: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One-hot encode `cols` with the sorted non-missing categories of train only.

    Dummy columns are named f"{col}_{value}", dtype int64; unseen or missing values give all zeros.
    Other columns pass through first, in their original order. Returns (train_out, test_out).
    """
    raise NotImplementedError
