# breaks: empty-raises
import numpy as np


def binary_report(y_true, y_pred):
    # No empty check: accuracy as np.mean of an empty array is NaN (with a warning), no ValueError.
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    if t.shape != p.shape:
        raise ValueError("bad input")
    tp, fp = int(np.sum(t & p)), int(np.sum(~t & p))
    tn, fn = int(np.sum(~t & ~p)), int(np.sum(t & ~p))
    d = lambda a, b: float(a / b) if b else 0.0
    precision, recall = d(tp, tp + fp), d(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": d(2 * precision * recall, precision + recall),
            "specificity": d(tn, tn + fp), "accuracy": float(np.mean(t == p))}
