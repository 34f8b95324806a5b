class RunningStats:
    # per-element Welford with M2 += (x - old_mean)^2 instead of (x - old_mean) * (x - new_mean)

    def __init__(self):
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0

    def update(self, batch):
        for v in batch:
            x = float(v)
            self.n += 1
            d = x - self.mean
            self.mean += d / self.n
            self.m2 += d * d

    def merge(self, other):
        if other.n == 0:
            return
        n = self.n + other.n
        d = other.mean - self.mean
        self.mean += d * other.n / n
        self.m2 += other.m2 + d * d * self.n * other.n / n
        self.n = n

    def var(self, ddof=1):
        if self.n <= ddof:
            raise ValueError("not enough values")
        return self.m2 / (self.n - ddof)
