# breaks: tuple-result
import pandas as pd


def one_hot_train_test(train, test, cols):
    # Returns a list [train_out, test_out] instead of a tuple.
    tr = pd.get_dummies(train, columns=list(cols), dtype="int64")
    te = pd.get_dummies(test, columns=list(cols), dtype="int64").reindex(columns=tr.columns, fill_value=0)
    return [tr, te]
