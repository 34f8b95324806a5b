import numpy as np


def cross_entropy(logits, labels, ignore_index=-100):
    keep = labels != ignore_index
    if not np.any(keep):
        raise ValueError("every row is ignored")
    z = logits[keep]
    y = labels[keep]
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return float(np.mean(-np.log(p[np.arange(len(y)), y])))
