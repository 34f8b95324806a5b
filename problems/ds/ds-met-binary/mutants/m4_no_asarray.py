# breaks: list-inputs
import numpy as np


def binary_report(y_true, y_pred):
    # Compares the inputs to 1 directly: fine for arrays, but a list == 1 is just False.
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("bad input")
    t = y_true == 1
    p = y_pred == 1
    tp, fp = np.sum(t & p), np.sum(~t & p)
    tn, fn = np.sum(~t & ~p), np.sum(t & ~p)
    d = lambda a, b: float(a / b) if b else 0.0
    precision, recall = d(tp, tp + fp), d(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": d(2 * precision * recall, precision + recall),
            "specificity": d(tn, tn + fp), "accuracy": float((tp + tn) / len(y_true))}
