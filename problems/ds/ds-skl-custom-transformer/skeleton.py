import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin


class ClipLog(BaseEstimator, TransformerMixin):
    """Clips every column to quantiles learned in fit, then log-transforms it."""

    def __init__(self, q_low=0.01, q_high=0.99):
        raise NotImplementedError

    def fit(self, X, y=None):
        """Learn the per-column bounds; return self."""
        raise NotImplementedError

    def transform(self, X):
        """Return the transformed data as a new float64 array."""
        raise NotImplementedError

    def get_feature_names_out(self, input_features=None):
        """Output column names."""
        raise NotImplementedError
