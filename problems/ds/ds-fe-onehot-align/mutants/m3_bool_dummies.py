# breaks: int64-dummies
import pandas as pd


def one_hot_train_test(train, test, cols):
    tr = pd.get_dummies(train, columns=list(cols))
    te = pd.get_dummies(test, columns=list(cols)).reindex(columns=tr.columns, fill_value=False)
    return tr, te
