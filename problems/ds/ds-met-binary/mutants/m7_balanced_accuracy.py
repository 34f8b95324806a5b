# breaks: accuracy
import numpy as np


def binary_report(y_true, y_pred):
    # Accuracy as the balanced accuracy (mean of recall and specificity), not the share of right rows.
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    if t.shape != p.shape or t.size == 0:
        raise ValueError("bad input")
    tp, fp = int(np.sum(t & p)), int(np.sum(~t & p))
    tn, fn = int(np.sum(~t & ~p)), int(np.sum(t & ~p))
    d = lambda a, b: float(a / b) if b else 0.0
    precision, recall, spec = d(tp, tp + fp), d(tp, tp + fn), d(tn, tn + fp)
    return {"precision": precision, "recall": recall, "f1": d(2 * precision * recall, precision + recall),
            "specificity": spec, "accuracy": (recall + spec) / 2}
