# breaks: train-categories
import pandas as pd


def one_hot_train_test(train, test, cols):
    return (pd.get_dummies(train, columns=list(cols), dtype=int),
            pd.get_dummies(test, columns=list(cols), dtype=int))
