import numpy as np
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin
from sklearn.utils.validation import check_is_fitted, validate_data


class ClipLog(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    # sklearn's own input validation and feature-name mixin; per-column percentile loop.
    def __init__(self, q_low=0.01, q_high=0.99):
        self.q_low = q_low
        self.q_high = q_high

    def fit(self, X, y=None):
        if self.q_low < 0 or self.q_high > 1 or self.q_low >= self.q_high:
            raise ValueError("bad quantiles")
        A = validate_data(self, X, dtype=np.float64)
        self.lower_ = np.array([np.percentile(A[:, j], 100 * self.q_low) for j in range(A.shape[1])])
        self.upper_ = np.array([np.percentile(A[:, j], 100 * self.q_high) for j in range(A.shape[1])])
        return self

    def transform(self, X):
        check_is_fitted(self)
        A = validate_data(self, X, dtype=np.float64, reset=False)
        clipped = np.minimum(np.maximum(A, self.lower_), self.upper_)
        return np.log1p(clipped - self.lower_)
