import numpy as np


class BatchNorm1d:
    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.gamma = np.ones(num_features)
        self.beta = np.zeros(num_features)
        self.running_mean = np.zeros(num_features)
        self.running_var = np.ones(num_features)

    def forward(self, x, training):
        if x.ndim != 2 or x.shape[1] != self.num_features:
            raise ValueError("bad shape")
        n = x.shape[0]
        m = self.momentum
        mean, var = x.mean(axis=0), x.var(axis=0)  # batch statistics in both modes
        if training:
            if n < 2:
                raise ValueError("need two rows")
            self.running_mean = (1 - m) * self.running_mean + m * mean
            self.running_var = (1 - m) * self.running_var + m * var * n / (n - 1)
        return self.gamma * (x - mean) / np.sqrt(var + self.eps) + self.beta
