import numpy as np


class BatchNorm1d:
    """Batch normalisation over the batch axis of (N, D) inputs, with running statistics for eval."""

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float = 0.1):
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.gamma = np.ones(num_features)
        self.beta = np.zeros(num_features)
        self.running_mean = np.zeros(num_features)
        self.running_var = np.ones(num_features)

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        if x.ndim != 2 or x.shape[1] != self.num_features:
            raise ValueError(f"x should have shape (N, {self.num_features}), got {x.shape}")
        if training:
            n = x.shape[0]
            if n < 2:
                raise ValueError("training mode needs a batch of at least 2 rows")
            mean = x.mean(axis=0)
            var = x.var(axis=0)  # biased: used to normalise this batch
            m = self.momentum
            self.running_mean = (1 - m) * self.running_mean + m * mean
            self.running_var = (1 - m) * self.running_var + m * var * n / (n - 1)  # unbiased
        else:
            mean, var = self.running_mean, self.running_var
        return self.gamma * (x - mean) / np.sqrt(var + self.eps) + self.beta
