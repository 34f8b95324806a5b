# breaks: fixed-memory (memory does not grow with the number of values seen)
import numpy as np


class RunningStats:
    # Keeps every batch and computes the statistics with numpy on demand: exact, batch-independent,
    # but its memory grows with the stream.

    def __init__(self):
        self._parts = []
        self.n = 0

    @property
    def mean(self):
        return float(np.concatenate(self._parts).mean()) if self.n else 0.0

    def update(self, batch):
        if len(batch):
            self._parts.append(np.array(batch, dtype=np.float64))
            self.n += len(batch)

    def merge(self, other):
        self._parts.extend(p.copy() for p in other._parts)
        self.n += other.n

    def var(self, ddof=1):
        if self.n - ddof <= 0:
            raise ValueError("need more values than ddof")
        return float(np.var(np.concatenate(self._parts), ddof=ddof))
