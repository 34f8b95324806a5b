import numpy as np


class RunningStats:
    """Streaming count, mean and variance; batches and other accumulators are combined with Chan's formula."""

    def __init__(self) -> None:
        self.n = 0
        self.mean = 0.0
        self._m2 = 0.0  # sum of squared deviations from the current mean

    def _combine(self, n_b: int, mean_b: float, m2_b: float) -> None:
        if n_b == 0:
            return
        n_a = self.n
        n = n_a + n_b
        delta = mean_b - self.mean
        self.mean = self.mean + delta * (n_b / n)
        self._m2 = self._m2 + m2_b + delta * delta * (n_a * n_b / n)
        self.n = n

    def update(self, batch: np.ndarray) -> "RunningStats":
        """Add the values of a 1-D batch (an empty batch changes nothing)."""
        x = np.asarray(batch, dtype=np.float64).ravel()
        if x.size:
            m = float(x.mean())
            self._combine(int(x.size), m, float(np.sum((x - m) ** 2)))
        return self

    def merge(self, other: "RunningStats") -> "RunningStats":
        """Add everything `other` has seen; `other` is not changed."""
        self._combine(int(other.n), float(other.mean), float(other._m2))
        return self

    def var(self, ddof: int = 1) -> float:  # ddof is ignored: always the population variance
        """Variance with divisor n - ddof; ValueError unless n > ddof."""
        if self.n == 0:
            raise ValueError("need more values than ddof")
        return float(self._m2 / self.n)
