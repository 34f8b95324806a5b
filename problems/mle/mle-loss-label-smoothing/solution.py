import numpy as np


def smoothed_ce(logits: np.ndarray, labels: np.ndarray, eps: float) -> float:
    """Mean cross-entropy of softmax(logits) against (1 - eps) * onehot + eps / K."""
    logits = np.asarray(logits, dtype=np.float64)
    labels = np.asarray(labels)
    if logits.ndim != 2 or logits.shape[0] == 0 or labels.shape != (logits.shape[0],):
        raise ValueError("logits must be (n, K) with n >= 1 and labels of shape (n,)")
    if not 0.0 <= eps <= 1.0:
        raise ValueError("eps must be in [0, 1]")
    n, k = logits.shape
    if np.any(labels < 0) or np.any(labels >= k):
        raise ValueError("labels must be in 0..K-1")
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    targets = np.full((n, k), eps / k)
    targets[np.arange(n), labels] += 1.0 - eps
    return float(-(targets * log_p).sum() / n)
