import numpy as np


def _ratio(num: int, den: int) -> float:
    return float(num) / float(den) if den else 0.0


def binary_report(y_true, y_pred) -> dict:
    """Return {"precision", "recall", "f1", "specificity", "accuracy"} for 0/1 labels
    (arrays or lists). Every 0/0 gives 0.0. Raise ValueError for empty input or
    different lengths."""
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    if t.ndim != 1 or p.ndim != 1:
        raise ValueError("inputs must be 1-D")
    if t.shape[0] != p.shape[0]:
        raise ValueError("inputs must have the same length")
    if t.shape[0] == 0:
        raise ValueError("inputs are empty")
    t = t == 1
    p = p == 1
    tp = int(np.count_nonzero(t & p))
    fp = int(np.count_nonzero(~t & p))
    tn = int(np.count_nonzero(~t & ~p))
    fn = int(np.count_nonzero(t & ~p))
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = 2.0 * precision * recall / (precision + recall) if (precision + recall) > 0 else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": float(f1),
        "specificity": _ratio(tn, tn + fp),
        "accuracy": _ratio(tp + tn, t.shape[0]),
    }
