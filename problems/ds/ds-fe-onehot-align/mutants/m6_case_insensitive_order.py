# breaks: sorted-categories
import numpy as np
import pandas as pd


def one_hot_train_test(train, test, cols):
    # Strings sorted case-insensitively ("amsterdam" before "Zurich"), not by code point.
    def key(v):
        return v.lower() if isinstance(v, str) else v

    vocab = {c: sorted(train[c].dropna().unique().tolist(), key=key) for c in cols}

    def encode(df):
        parts = [df.drop(columns=list(cols))]
        for c in cols:
            block = {f"{c}_{v}": (df[c] == v).fillna(False).to_numpy().astype(np.int64) for v in vocab[c]}
            parts.append(pd.DataFrame(block, index=df.index, dtype=np.int64))
        return pd.concat(parts, axis=1)

    return encode(train), encode(test)
