import numpy as np
import pandas as pd


def bucket_rare(train: pd.Series, test: pd.Series, min_count: int) -> tuple[pd.Series, pd.Series]:
    """Replace categories that are rare or unknown in train by "OTHER" in both Series; returns (train_out, test_out)."""
    raise NotImplementedError
