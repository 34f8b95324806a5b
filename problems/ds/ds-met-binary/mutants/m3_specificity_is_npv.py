# breaks: specificity
import numpy as np


def binary_report(y_true, y_pred):
    # Specificity computed as TN / (TN + FN) (the negative predictive value) instead of TN / (TN + FP).
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    if t.shape != p.shape or t.size == 0:
        raise ValueError("bad input")
    tp, fp = np.sum(t & p), np.sum(~t & p)
    tn, fn = np.sum(~t & ~p), np.sum(t & ~p)
    d = lambda a, b: float(a / b) if b else 0.0
    precision, recall = d(tp, tp + fp), d(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": d(2 * precision * recall, precision + recall),
            "specificity": d(tn, tn + fn), "accuracy": float((tp + tn) / t.size)}
