# breaks: zero-division
# adversarial review: breaks "if there are no actual negatives, specificity is 0.0. No NaN, no exception, no warning"
# class: 1
import numpy as np


def binary_report(y_true, y_pred) -> dict:
    """Binary metrics; 0/0 guarded for precision, recall and F1 only."""
    t = np.asarray(y_true).astype(int)
    p = np.asarray(y_pred).astype(int)
    if t.size == 0 or t.shape != p.shape:
        raise ValueError("inputs must be non-empty and of the same length")
    tp = np.sum((t == 1) & (p == 1))
    fp = np.sum((t == 0) & (p == 1))
    tn = np.sum((t == 0) & (p == 0))
    fn = np.sum((t == 1) & (p == 0))
    precision = float(tp / (tp + fp)) if tp + fp else 0.0
    recall = float(tp / (tp + fn)) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "specificity": float(tn / (tn + fp)), "accuracy": float((tp + tn) / len(t))}
