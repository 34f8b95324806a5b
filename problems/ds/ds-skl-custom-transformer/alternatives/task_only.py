import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted


class ClipLog(BaseEstimator, TransformerMixin):
    def __init__(self, q_low=0.01, q_high=0.99):
        self.q_low = q_low
        self.q_high = q_high

    def fit(self, X, y=None):
        if not (0 <= self.q_low < self.q_high <= 1):
            raise ValueError("need 0 <= q_low < q_high <= 1")
        if isinstance(X, pd.DataFrame):
            self.feature_names_in_ = np.asarray(X.columns, dtype=object)
        elif hasattr(self, "feature_names_in_"):
            del self.feature_names_in_
        A = np.asarray(X, dtype=np.float64)
        if A.ndim != 2 or A.shape[0] == 0:
            raise ValueError("X must be a non-empty 2-D array")
        self.lower_ = np.quantile(A, self.q_low, axis=0).astype(np.float64)
        self.upper_ = np.quantile(A, self.q_high, axis=0).astype(np.float64)
        self.n_features_in_ = A.shape[1]
        return self

    def transform(self, X):
        check_is_fitted(self, ["lower_", "upper_"])
        A = np.array(X, dtype=np.float64, copy=True)
        if A.ndim != 2 or A.shape[1] != self.n_features_in_:
            raise ValueError(f"X must have {self.n_features_in_} columns")
        return np.log1p(np.clip(A, self.lower_, self.upper_) - self.lower_)

    def get_feature_names_out(self, input_features=None):
        if input_features is not None:
            return np.asarray(input_features, dtype=object)
        if hasattr(self, "feature_names_in_"):
            return np.asarray(self.feature_names_in_, dtype=object)
        check_is_fitted(self, ["n_features_in_"])
        return np.asarray([f"x{i}" for i in range(self.n_features_in_)], dtype=object)
