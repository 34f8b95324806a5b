import numpy as np
import pandas as pd


def one_hot_train_test(train: pd.DataFrame, test: pd.DataFrame, cols: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One-hot encode `cols` with the sorted categories of train; unseen or missing values give all zeros."""
    vocab = {c: sorted(train[c].dropna().unique().tolist()) for c in cols}

    def encode(df: pd.DataFrame) -> pd.DataFrame:
        rest = df.drop(columns=list(cols))
        parts = [rest]
        for c in cols:
            values = df[c]
            block = {f"{c}_{cat}": (values == cat).fillna(False).to_numpy().astype(np.int64) for cat in vocab[c]}
            parts.append(pd.DataFrame(block, index=df.index, dtype=np.int64))
        return pd.concat(parts, axis=1)

    return encode(train), encode(test)
