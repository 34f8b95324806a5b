import math

import numpy as np


class GaussianNB:
    # Per-class loops and per-sample log-sum-exp in plain Python.
    def __init__(self, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X, y):
        X = np.array(X, dtype=float)
        y = np.array(y)
        n, d = X.shape
        if n == 0:
            raise ValueError("no samples")
        overall_mean = X.sum(axis=0) / n
        eps = self.var_smoothing * max(((X - overall_mean) ** 2).sum(axis=0) / n)
        self.classes_ = np.unique(y)
        k = len(self.classes_)
        self.theta_ = np.zeros((k, d))
        self.var_ = np.zeros((k, d))
        self.class_prior_ = np.zeros(k)
        for c, label in enumerate(self.classes_):
            rows = X[y == label]
            self.class_prior_[c] = len(rows) / n
            self.theta_[c] = rows.sum(axis=0) / len(rows)
            self.var_[c] = ((rows - self.theta_[c]) ** 2).sum(axis=0) / len(rows) + eps
        return self

    def _jll(self, x):
        out = []
        for c in range(len(self.classes_)):
            s = math.log(self.class_prior_[c])
            for j in range(len(x)):
                v = self.var_[c, j]
                s += -0.5 * math.log(2 * math.pi * v) - (x[j] - self.theta_[c, j]) ** 2 / (2 * v)
            out.append(s)
        return out

    def predict_log_proba(self, X):
        res = []
        for x in np.asarray(X, dtype=float):
            jll = self._jll(x)
            m = max(jll)
            lse = m + math.log(sum(math.exp(v - m) for v in jll))
            res.append([v - lse for v in jll])
        return np.array(res, dtype=np.float64).reshape(len(res), len(self.classes_))

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_log_proba(X), axis=1)]
