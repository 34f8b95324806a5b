# breaks: layout
import pandas as pd


def one_hot_train_test(train, test, cols):
    # get_dummies orders the encoded blocks by the frame's column order, not by the order of cols.
    order = [c for c in train.columns if c in cols]
    tr = pd.get_dummies(train, columns=order, dtype="int64")
    te = pd.get_dummies(test, columns=order, dtype="int64").reindex(columns=tr.columns, fill_value=0)
    return tr, te
