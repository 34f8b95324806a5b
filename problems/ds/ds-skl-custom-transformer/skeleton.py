import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted


class ClipLog(BaseEstimator, TransformerMixin):
    """Clips every column to its training quantiles [q_low, q_high], then returns log1p(x - lower)."""

    def __init__(self, q_low=0.01, q_high=0.99):
        self.q_low = q_low
        self.q_high = q_high

    def fit(self, X, y=None):
        """Learn lower_, upper_ (per-column quantiles) and n_features_in_; return self."""
        raise NotImplementedError

    def transform(self, X):
        """Return a new float64 array log1p(clip(X, lower_, upper_) - lower_)."""
        raise NotImplementedError

    def get_feature_names_out(self, input_features=None):
        """Output column names (the input names)."""
        raise NotImplementedError
