import numpy as np


class GaussianNB:
    """Gaussian naive Bayes with priors from class frequencies and sklearn-style variance smoothing."""

    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        if X.ndim != 2 or X.shape[0] == 0 or X.shape[0] != y.shape[0]:
            raise ValueError("X must be (n, d) with n >= 1 and len(y) == n")
        self.classes_ = np.unique(y)
        eps = 0.0
        self.theta_ = np.array([X[y == c].mean(axis=0) for c in self.classes_])
        self.var_ = np.array([X[y == c].var(axis=0) for c in self.classes_]) + eps
        counts = np.array([np.sum(y == c) for c in self.classes_], dtype=np.float64)
        self.class_prior_ = counts / counts.sum()
        return self

    def _joint_log_likelihood(self, X):
        X = np.asarray(X, dtype=np.float64)
        ll = -0.5 * np.sum(np.log(2.0 * np.pi * self.var_), axis=1)[None, :] \
            - 0.5 * np.sum((X[:, None, :] - self.theta_[None, :, :]) ** 2 / self.var_[None, :, :], axis=2)
        return ll + np.log(self.class_prior_)[None, :]

    def predict_log_proba(self, X):
        jll = self._joint_log_likelihood(X)
        m = jll.max(axis=1, keepdims=True)
        return jll - (m + np.log(np.sum(np.exp(jll - m), axis=1, keepdims=True)))

    def predict(self, X):
        return self.classes_[np.argmax(self._joint_log_likelihood(X), axis=1)]
