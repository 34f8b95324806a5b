# breaks: empty-cols
import numpy as np
import pandas as pd


def one_hot_train_test(train, test, cols):
    # Concatenates the dummy blocks first: pd.concat([]) raises when cols is empty.
    vocab = {c: sorted(train[c].dropna().unique().tolist()) for c in cols}

    def encode(df):
        blocks = [pd.DataFrame({f"{c}_{v}": (df[c] == v).fillna(False).to_numpy().astype(np.int64) for v in vocab[c]},
                               index=df.index, dtype=np.int64) for c in cols]
        return pd.concat([df.drop(columns=list(cols)), pd.concat(blocks, axis=1)], axis=1)

    return encode(train), encode(test)
