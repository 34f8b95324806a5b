class RunningStats:
    # Welford's update one value at a time in plain Python; Chan's formula only for merge.

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
            self.m2 += d * (x - self.mean)

    def merge(self, other):
        if other.n == 0:
            return
        if self.n == 0:
            self.n, self.mean, self.m2 = other.n, other.mean, other.m2
            return
        n = self.n + other.n
        d = other.mean - self.mean
        self.mean = (self.n * self.mean + other.n * other.mean) / n
        self.m2 = self.m2 + other.m2 + d * d * self.n * other.n / n
        self.n = n

    def var(self, ddof=1):
        if self.n <= ddof:
            raise ValueError("not enough values for this ddof")
        return self.m2 / (self.n - ddof)
