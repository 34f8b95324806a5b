# breaks: bool-inputs
# adversarial review: breaks "NumPy arrays (integer or bool dtype) or plain Python lists" (bool arrays cannot be subtracted)
# class: 6
import numpy as np


def binary_report(y_true, y_pred) -> dict:
    """Binary metrics; FP and FN counted from the sign of y_pred - y_true."""
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    if t.size == 0 or t.shape != p.shape:
        raise ValueError("inputs must be non-empty and of the same length")
    n = len(t)
    tp = int(np.sum(t * p))
    fp = int(np.sum(p - t == 1))
    fn = int(np.sum(t - p == 1))
    tn = n - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    specificity = tn / (tn + fp) if tn + fp else 0.0
    return {"precision": float(precision), "recall": float(recall), "f1": float(f1),
            "specificity": float(specificity), "accuracy": (tp + tn) / n}
