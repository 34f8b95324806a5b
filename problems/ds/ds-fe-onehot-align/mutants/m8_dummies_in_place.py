# breaks: layout
import numpy as np
import pandas as pd


def one_hot_train_test(train, test, cols):
    # Each column's dummies replace it where it stood, instead of after all the other columns.
    vocab = {c: sorted(train[c].dropna().unique().tolist()) for c in cols}

    def encode(df):
        parts = []
        for name in df.columns:
            if name in cols:
                block = {f"{name}_{v}": (df[name] == v).fillna(False).to_numpy().astype(np.int64) for v in vocab[name]}
                parts.append(pd.DataFrame(block, index=df.index, dtype=np.int64))
            else:
                parts.append(df[[name]])
        return pd.concat(parts, axis=1) if parts else df.copy()

    return encode(train), encode(test)
