# breaks: train-categories
import pandas as pd


def one_hot_train_test(train, test, cols):
    tr = pd.get_dummies(train, columns=list(cols), dtype=int)
    te = pd.get_dummies(test, columns=list(cols), dtype=int).reindex(columns=tr.columns)
    return tr, te
