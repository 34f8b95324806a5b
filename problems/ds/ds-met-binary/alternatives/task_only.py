import numpy as np


def _div(a, b):
    return float(a) / float(b) if b else 0.0


def binary_report(y_true, y_pred):
    t = np.asarray(y_true).astype(np.int64).ravel()
    p = np.asarray(y_pred).astype(np.int64).ravel()
    if t.size == 0 or t.size != p.size:
        raise ValueError("inputs must be non-empty and of the same length")
    tp = int(np.sum((t == 1) & (p == 1)))
    tn = int(np.sum((t == 0) & (p == 0)))
    fp = int(np.sum((t == 0) & (p == 1)))
    fn = int(np.sum((t == 1) & (p == 0)))
    precision = _div(tp, tp + fp)
    recall = _div(tp, tp + fn)
    f1 = _div(2 * precision * recall, precision + recall)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "specificity": _div(tn, tn + fp),
        "accuracy": _div(tp + tn, t.size),
    }
