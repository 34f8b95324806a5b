import numpy as np


def cross_entropy(logits: np.ndarray, labels: np.ndarray, ignore_index: int = -100) -> float:
    """Mean cross-entropy from logits over the rows whose label is not `ignore_index`."""
    keep = labels != ignore_index
    if not np.any(keep):
        raise ValueError("no row to average: every label equals ignore_index (or there are no rows)")
    z = logits[keep]
    y = labels[keep]
    m = np.max(z, axis=1, keepdims=True)
    log_norm = m[:, 0] + np.log(np.sum(np.exp(z - m), axis=1))    # row-wise logsumexp
    nll = log_norm - z[np.arange(z.shape[0]), y]                   # -log_softmax at the true class
    return float(np.mean(nll))
