# breaks: fit-validates
# adversary a2 wrong_2: validates the quantiles in __init__ instead of fit (set_params and clone bypass it)
import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted


class ClipLog(BaseEstimator, TransformerMixin):
    """Clips every column to its training quantiles [q_low, q_high], then returns log1p(x - lower)."""

    def __init__(self, q_low=0.01, q_high=0.99):
        if not (0 <= q_low < q_high <= 1):
            raise ValueError("need 0 <= q_low < q_high <= 1")
        self.q_low = q_low
        self.q_high = q_high

    def fit(self, X, y=None):
        """Learn lower_, upper_ (per-column quantiles) and n_features_in_; return self."""
        if isinstance(X, pd.DataFrame):
            names = np.asarray(X.columns, dtype=object)
            A = X.to_numpy(dtype=np.float64)
        else:
            names = None
            A = np.array(X, dtype=np.float64)
        if A.ndim != 2 or A.shape[0] == 0 or A.shape[1] == 0:
            raise ValueError("X must be a non-empty 2-D array")
        self.lower_ = np.quantile(A, self.q_low, axis=0).astype(np.float64)
        self.upper_ = np.quantile(A, self.q_high, axis=0).astype(np.float64)
        self.n_features_in_ = A.shape[1]
        if names is not None:
            self.feature_names_in_ = names
        elif hasattr(self, "feature_names_in_"):
            del self.feature_names_in_
        return self

    def transform(self, X):
        """Return a new float64 array log1p(clip(X, lower_, upper_) - lower_)."""
        check_is_fitted(self, ["lower_", "upper_"])
        if isinstance(X, pd.DataFrame):
            A = X.to_numpy(dtype=np.float64, copy=True)
        else:
            A = np.array(X, dtype=np.float64, copy=True)
        if A.ndim != 2 or A.shape[1] != self.n_features_in_:
            raise ValueError(f"X must be 2-D with {self.n_features_in_} columns")
        clipped = np.clip(A, self.lower_, self.upper_)
        return np.log1p(clipped - self.lower_).astype(np.float64, copy=False)

    def get_feature_names_out(self, input_features=None):
        """Output column names (the input names)."""
        if input_features is not None:
            names = np.asarray(list(input_features), dtype=object)
            if hasattr(self, "n_features_in_") and len(names) != self.n_features_in_:
                raise ValueError("input_features has the wrong length")
            return names
        if hasattr(self, "feature_names_in_"):
            return np.asarray(self.feature_names_in_, dtype=object)
        check_is_fitted(self, "n_features_in_")
        return np.asarray([f"x{i}" for i in range(self.n_features_in_)], dtype=object)
