# breaks: length-raises
import numpy as np


def binary_report(y_true, y_pred):
    # No length check: relies on numpy, which raises for (3,) & (2,) but broadcasts a length-1 input.
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    if t.size == 0 or p.size == 0:
        raise ValueError("empty input")
    tp, fp = int(np.sum(t & p)), int(np.sum(~t & p))
    tn, fn = int(np.sum(~t & ~p)), int(np.sum(t & ~p))
    d = lambda a, b: float(a / b) if b else 0.0
    precision, recall = d(tp, tp + fp), d(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": d(2 * precision * recall, precision + recall),
            "specificity": d(tn, tn + fp), "accuracy": d(tp + tn, tp + tn + fp + fn)}
