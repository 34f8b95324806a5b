# breaks: float-values
import numpy as np


def binary_report(y_true, y_pred):
    # Works in float32 to save memory, so every value is a numpy.float32, not a float.
    t = np.asarray(y_true, dtype=np.float32)
    p = np.asarray(y_pred, dtype=np.float32)
    if t.shape != p.shape or t.size == 0:
        raise ValueError("bad input")
    tp, fp = np.sum(t * p), np.sum((1 - t) * p)
    tn, fn = np.sum((1 - t) * (1 - p)), np.sum(t * (1 - p))
    zero = np.float32(0.0)
    d = lambda a, b: a / b if b else zero
    precision, recall = d(tp, tp + fp), d(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": d(2 * precision * recall, precision + recall),
            "specificity": d(tn, tn + fp), "accuracy": (tp + tn) / np.float32(t.size)}
