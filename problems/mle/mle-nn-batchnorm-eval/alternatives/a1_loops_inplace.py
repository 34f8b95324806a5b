import math

import numpy as np


class BatchNorm1d:
    # Per-feature Python loops; running statistics updated in place, element by element.

    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.gamma = np.ones(num_features, dtype=np.float64)
        self.beta = np.zeros(num_features, dtype=np.float64)
        self.running_mean = np.zeros(num_features, dtype=np.float64)
        self.running_var = np.ones(num_features, dtype=np.float64)

    def forward(self, x, training):
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.num_features:
            raise ValueError("wrong input shape")
        n, d = x.shape
        if training and n < 2:
            raise ValueError("need at least two samples in training mode")
        out = np.empty((n, d))
        for j in range(d):
            col = [float(v) for v in x[:, j]]
            if training:
                mu = sum(col) / n
                ss = sum((v - mu) ** 2 for v in col)
                denom = math.sqrt(ss / n + self.eps)
                m = self.momentum
                self.running_mean[j] = self.running_mean[j] + m * (mu - self.running_mean[j])
                self.running_var[j] = self.running_var[j] + m * (ss / (n - 1) - self.running_var[j])
            else:
                mu = float(self.running_mean[j])
                denom = math.sqrt(float(self.running_var[j]) + self.eps)
            for i in range(n):
                out[i, j] = float(self.gamma[j]) * (col[i] - mu) / denom + float(self.beta[j])
        return out
