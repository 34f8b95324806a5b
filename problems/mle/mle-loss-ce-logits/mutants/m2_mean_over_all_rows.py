import numpy as np


def cross_entropy(logits, labels, ignore_index=-100):
    keep = labels != ignore_index
    if not np.any(keep):
        raise ValueError("every row is ignored")
    m = np.max(logits, axis=1, keepdims=True)
    log_norm = m[:, 0] + np.log(np.sum(np.exp(logits - m), axis=1))
    safe = np.where(keep, labels, 0)
    nll = log_norm - logits[np.arange(len(labels)), safe]
    return float(np.sum(np.where(keep, nll, 0.0)) / len(labels))
