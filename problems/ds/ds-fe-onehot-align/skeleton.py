import numpy as np
import pandas as pd


def one_hot_train_test(train: pd.DataFrame, test: pd.DataFrame, cols: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One-hot encode `cols` of train and test with the categories seen in train; returns (train_out, test_out)."""
    raise NotImplementedError
