import numpy as np
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, KFold


def nested_cv(estimator, param_grid: dict, X, y, inner: int = 3, outer: int = 5, seed: int = 0) -> tuple:
    """Mean and population std of the outer-fold scores of a GridSearchCV tuned on inner folds only."""
    raise NotImplementedError
