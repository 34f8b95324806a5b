# breaks: inputs-unchanged
import numpy as np
import pandas as pd


def one_hot_train_test(train, test, cols):
    # Pops the encoded columns out of the inputs (DataFrame.pop modifies them).
    vocab = {c: sorted(train[c].dropna().unique().tolist()) for c in cols}

    def encode(df):
        popped = {c: df.pop(c) for c in cols}
        out = df.copy()
        for c in cols:
            for v in vocab[c]:
                out[f"{c}_{v}"] = (popped[c] == v).fillna(False).astype(np.int64)
        return out

    return encode(train), encode(test)
