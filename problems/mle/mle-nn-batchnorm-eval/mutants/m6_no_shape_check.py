# breaks: shape-raises (x not 2-D or without num_features columns raises ValueError)
import numpy as np


class BatchNorm1d:
    # No shape check of its own: relies on NumPy to refuse a wrong column count, which it does not
    # when x has one column or is 1-D of length D.

    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        self.eps = eps
        self.momentum = momentum
        self.gamma = np.ones(num_features)
        self.beta = np.zeros(num_features)
        self.running_mean = np.zeros(num_features)
        self.running_var = np.ones(num_features)

    def forward(self, x, training):
        if training:
            n = x.shape[0]
            if n < 2:
                raise ValueError("training mode needs a batch of at least 2 rows")
            mean = x.mean(axis=0)
            var = x.var(axis=0)
            m = self.momentum
            self.running_mean = (1 - m) * self.running_mean + m * mean
            self.running_var = (1 - m) * self.running_var + m * x.var(axis=0, ddof=1)
        else:
            mean, var = self.running_mean, self.running_var
        return self.gamma * (x - mean) / np.sqrt(var + self.eps) + self.beta
