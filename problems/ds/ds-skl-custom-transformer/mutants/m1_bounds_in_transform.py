# breaks: training-bounds
import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted


class ClipLog(BaseEstimator, TransformerMixin):
    """Clips every column to its training quantiles [q_low, q_high], then returns log1p(x - lower)."""

    def __init__(self, q_low=0.01, q_high=0.99):
        self.q_low = q_low
        self.q_high = q_high

    def fit(self, X, y=None):
        if not (0.0 <= self.q_low < self.q_high <= 1.0):
            raise ValueError("need 0 <= q_low < q_high <= 1")
        if hasattr(X, "columns"):
            self.feature_names_in_ = np.asarray([str(c) for c in X.columns], dtype=object)
        A = np.asarray(X, dtype=np.float64)
        if A.ndim != 2 or A.shape[0] == 0:
            raise ValueError("X must be a non-empty 2-D array")
        self.lower_ = np.quantile(A, self.q_low, axis=0)
        self.upper_ = np.quantile(A, self.q_high, axis=0)
        self.n_features_in_ = A.shape[1]
        return self

    def transform(self, X):
        check_is_fitted(self, ["lower_", "upper_"])
        A = np.asarray(X, dtype=np.float64)
        if A.ndim != 2 or A.shape[1] != self.n_features_in_:
            raise ValueError(f"X must be 2-D with {self.n_features_in_} columns")
        # Bounds recomputed from the data being transformed, not the training data.
        self.lower_ = np.quantile(A, self.q_low, axis=0)
        self.upper_ = np.quantile(A, self.q_high, axis=0)
        return np.log1p(np.clip(A, self.lower_, self.upper_) - self.lower_)  # np.clip returns a new array

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, ["lower_", "upper_"])
        if input_features is not None:
            names = [str(c) for c in input_features]
            if len(names) != self.n_features_in_:
                raise ValueError("input_features has the wrong length")
        elif hasattr(self, "feature_names_in_"):
            names = list(self.feature_names_in_)
        else:
            names = [f"x{i}" for i in range(self.n_features_in_)]
        return np.asarray(names, dtype=object)
