import numpy as np


def _ratio(num, den):
    """num / den, with 0/0 defined as 0.0."""
    return float(num) / float(den) if den else 0.0


def binary_report(y_true, y_pred) -> dict:
    """Precision, recall, F1, specificity and accuracy for 0/1 labels; every 0/0 gives 0.0."""
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    if t.ndim != 1 or t.shape != p.shape:
        raise ValueError("y_true and y_pred must be 1-D with the same length")
    if t.size == 0:
        raise ValueError("empty input")
    tp = int(np.sum(t & p))
    fp = int(np.sum(~t & p))
    tn = int(np.sum(~t & ~p))
    fn = int(np.sum(t & ~p))
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    return {
        "precision": precision,
        "recall": recall,
        "f1": _ratio(2 * precision * recall, precision + recall),
        "specificity": _ratio(tn, tn + fp),
        "accuracy": (tp + tn) / t.size,
    }
