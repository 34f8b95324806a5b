# breaks: train-categories
import pandas as pd


def one_hot_train_test(train, test, cols):
    both = pd.concat([train, test], keys=["tr", "te"])
    enc = pd.get_dummies(both, columns=list(cols), dtype=int)
    return enc.loc["tr"], enc.loc["te"]
