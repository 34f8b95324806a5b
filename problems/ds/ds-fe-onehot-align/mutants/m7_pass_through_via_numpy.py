# breaks: pass-through
import numpy as np
import pandas as pd


def one_hot_train_test(train, test, cols):
    # Rebuilds the other columns from one NumPy array: their dtypes become object.
    vocab = {c: sorted(train[c].dropna().unique().tolist()) for c in cols}

    def encode(df):
        rest = df.drop(columns=list(cols))
        out = pd.DataFrame(rest.to_numpy(dtype=object), index=df.index, columns=rest.columns)
        for c in cols:
            for v in vocab[c]:
                out[f"{c}_{v}"] = (df[c] == v).fillna(False).astype(np.int64)
        return out

    return encode(train), encode(test)
