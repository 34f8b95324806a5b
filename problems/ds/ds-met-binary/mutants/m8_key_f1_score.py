# breaks: keys
import numpy as np


def binary_report(y_true, y_pred):
    # Names the F1 entry "f1_score" instead of "f1".
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    if t.shape != p.shape or t.size == 0:
        raise ValueError("bad input")
    tp, fp = int(np.sum(t & p)), int(np.sum(~t & p))
    tn, fn = int(np.sum(~t & ~p)), int(np.sum(t & ~p))
    d = lambda a, b: float(a / b) if b else 0.0
    precision, recall = d(tp, tp + fp), d(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1_score": d(2 * precision * recall, precision + recall),
            "specificity": d(tn, tn + fp), "accuracy": d(tp + tn, t.size)}
