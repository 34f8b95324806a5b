# breaks: float-values
# adversarial review: breaks "each mapped to a float" (the 0/0 branches give the int 0)
# class: 4
import numpy as np


def binary_report(y_true, y_pred) -> dict:
    """Binary metrics; 0/0 cases return 0 via a conditional expression."""
    t = np.asarray(y_true).astype(int)
    p = np.asarray(y_pred).astype(int)
    if t.size == 0 or t.shape != p.shape:
        raise ValueError("inputs must be non-empty and of the same length")
    tp = int(np.sum((t == 1) & (p == 1)))
    fp = int(np.sum((t == 0) & (p == 1)))
    tn = int(np.sum((t == 0) & (p == 0)))
    fn = int(np.sum((t == 1) & (p == 0)))
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    specificity = tn / (tn + fp) if tn + fp else 0
    return {"precision": precision, "recall": recall, "f1": f1,
            "specificity": specificity, "accuracy": (tp + tn) / len(t)}
