# breaks: unseen-missing-zero
import pandas as pd


def one_hot_train_test(train, test, cols):
    # Missing values get a dummy column of their own (dummy_na=True) instead of all zeros.
    tr = pd.get_dummies(train, columns=list(cols), dtype="int64", dummy_na=True)
    te = pd.get_dummies(test, columns=list(cols), dtype="int64", dummy_na=True)
    return tr, te.reindex(columns=tr.columns, fill_value=0)
