# breaks: index-kept
import numpy as np
import pandas as pd


def one_hot_train_test(train, test, cols):
    # The outputs get a fresh RangeIndex (reset_index) instead of the inputs' labels.
    vocab = {c: sorted(train[c].dropna().unique().tolist()) for c in cols}

    def encode(df):
        parts = [df.drop(columns=list(cols)).reset_index(drop=True)]
        for c in cols:
            block = {f"{c}_{v}": (df[c] == v).fillna(False).to_numpy().astype(np.int64) for v in vocab[c]}
            parts.append(pd.DataFrame(block, dtype=np.int64))
        return pd.concat(parts, axis=1)

    return encode(train), encode(test)
