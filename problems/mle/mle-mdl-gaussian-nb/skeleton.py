import numpy as np


class GaussianNB:
    """Gaussian naive Bayes: priors from class frequencies, per-class means and variances
    (ddof=0) plus var_smoothing * (largest overall feature variance), log-space posteriors."""

    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        """Set classes_, class_prior_, theta_, var_ and return self."""
        raise NotImplementedError

    def predict_log_proba(self, X):
        """(m, k) array of log P(classes_[k] | x)."""
        raise NotImplementedError

    def predict(self, X):
        """(m,) array of the most probable labels."""
        raise NotImplementedError
