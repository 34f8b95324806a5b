import numpy as np
import pandas as pd


def one_hot_train_test(train, test, cols):
    cols = list(cols)
    keep = [c for c in train.columns if c not in cols]

    def encode(frame, categories):
        parts = [frame[keep].copy()]
        for c, cats in categories:
            values = frame[c]
            block = {}
            for v in cats:
                block[f"{c}_{v}"] = (values == v).fillna(False).astype("int64").to_numpy()
            parts.append(pd.DataFrame(block, index=frame.index, columns=list(block)))
        return pd.concat(parts, axis=1) if len(parts) > 1 else parts[0]

    categories = []
    for c in cols:
        cats = sorted(train[c].dropna().unique().tolist())
        categories.append((c, cats))
    return encode(train, categories), encode(test, categories)
