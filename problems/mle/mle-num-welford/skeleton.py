import numpy as np


class RunningStats:
    """Streaming count, mean and variance, updated by batches and mergeable with another RunningStats."""

    def __init__(self):
        raise NotImplementedError

    def update(self, batch: np.ndarray) -> None:
        """Add the values of a 1-D batch."""
        raise NotImplementedError

    def merge(self, other: "RunningStats") -> None:
        """Add everything `other` has seen (other is not changed)."""
        raise NotImplementedError

    def var(self, ddof: int = 1) -> float:
        """Variance with divisor n - ddof."""
        raise NotImplementedError
