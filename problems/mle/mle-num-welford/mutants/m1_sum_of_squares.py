import numpy as np


class RunningStats:
    # E[x^2] - E[x]^2 from running sums: catastrophic cancellation for large offsets

    def __init__(self):
        self.n = 0
        self.s = 0.0
        self.q = 0.0

    @property
    def mean(self):
        return self.s / self.n if self.n else 0.0

    def update(self, batch):
        x = np.asarray(batch, dtype=np.float64)
        self.n += x.size
        self.s += float(x.sum())
        self.q += float((x * x).sum())

    def merge(self, other):
        self.n += other.n
        self.s += other.s
        self.q += other.q

    def var(self, ddof=1):
        if self.n <= ddof:
            raise ValueError("not enough values")
        return (self.q - self.s * self.s / self.n) / (self.n - ddof)
