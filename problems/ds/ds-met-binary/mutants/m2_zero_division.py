# breaks: zero-division
import numpy as np


def binary_report(y_true, y_pred):
    # No 0/0 guard: plain Python division raises ZeroDivisionError when a denominator is 0.
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    if t.shape != p.shape or t.size == 0:
        raise ValueError("bad input")
    tp, fp = int(np.sum(t & p)), int(np.sum(~t & p))
    tn, fn = int(np.sum(~t & ~p)), int(np.sum(t & ~p))
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall),
            "specificity": tn / (tn + fp), "accuracy": (tp + tn) / t.size}
