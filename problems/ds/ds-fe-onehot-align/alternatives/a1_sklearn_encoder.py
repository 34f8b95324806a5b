import numpy as np
import pandas as pd
from sklearn.preprocessing import OneHotEncoder


def one_hot_train_test(train, test, cols):
    # scikit-learn's OneHotEncoder with explicit sorted train categories and handle_unknown="ignore".
    cols = list(cols)
    rest_train = train.drop(columns=cols)
    rest_test = test.drop(columns=cols)
    if not cols:
        return rest_train, rest_test
    cats = [sorted(train[c].dropna().unique().tolist()) for c in cols]
    sentinel = "__missing__"

    def prep(df):
        return pd.DataFrame({c: df[c].astype(object).where(df[c].notna(), sentinel) for c in cols}).astype(str)

    enc = OneHotEncoder(categories=[[str(v) for v in cs] for cs in cats], handle_unknown="ignore",
                        sparse_output=False, dtype=np.int64)
    enc.fit(prep(train))
    names = [f"{c}_{v}" for c, cs in zip(cols, cats) for v in cs]
    out = []
    for df, rest in ((train, rest_train), (test, rest_test)):
        block = pd.DataFrame(enc.transform(prep(df)), index=df.index, columns=names)
        out.append(pd.concat([rest, block], axis=1))
    return out[0], out[1]
