# breaks: inputs-unchanged
import numpy as np


def binary_report(y_true, y_pred):
    # Builds the cell codes 2*t + p in the caller's y_true array (np.asarray does not copy an array).
    code = np.asarray(y_true)
    p = np.asarray(y_pred)
    if code.shape != p.shape or code.size == 0:
        raise ValueError("bad input")
    if code.dtype == bool:
        code = code.astype(np.int64)
    code *= 2
    code += p.astype(np.int64)
    tn, fp, fn, tp = (int(c) for c in np.bincount(code, minlength=4))
    d = lambda a, b: float(a / b) if b else 0.0
    precision, recall = d(tp, tp + fp), d(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": d(2 * precision * recall, precision + recall),
            "specificity": d(tn, tn + fp), "accuracy": d(tp + tn, code.size)}
