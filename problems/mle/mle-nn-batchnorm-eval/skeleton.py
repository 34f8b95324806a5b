import numpy as np


class BatchNorm1d:
    """Batch normalisation over the batch axis of (N, D) inputs, with running statistics for eval."""

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float = 0.1):
        # Set gamma, beta, running_mean, running_var (float64 arrays of shape (num_features,)).
        raise NotImplementedError

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        """Training: normalise with batch statistics and update the running ones. Eval: use running ones."""
        raise NotImplementedError
