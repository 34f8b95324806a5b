import numpy as np


def _safe(num: float, den: float) -> float:
    return float(num) / float(den) if den else 0.0


def f1_averages(y_true, y_pred, labels: list) -> dict:
    """Return {"macro", "micro", "weighted"} F1 over the classes in `labels` (every 0/0
    gives 0.0; a listed class never predicted counts as F1 = 0 in the macro average).
    Raise ValueError for empty labels, empty inputs or different lengths."""
    labels = list(labels)
    if len(labels) == 0:
        raise ValueError("labels must not be empty")
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    if t.ndim != 1 or p.ndim != 1:
        raise ValueError("inputs must be 1-D")
    if t.shape[0] != p.shape[0]:
        raise ValueError("inputs must have the same length")
    if t.shape[0] == 0:
        raise ValueError("inputs are empty")
    f1s, supports = [], []
    sum_tp = sum_fp = sum_fn = 0
    for c in labels:
        is_t = t == c
        is_p = p == c
        tp = int(np.count_nonzero(is_t & is_p))
        fp = int(np.count_nonzero(~is_t & is_p))
        fn = int(np.count_nonzero(is_t & ~is_p))
        f1s.append(_safe(2 * tp, 2 * tp + fp + fn))
        supports.append(tp + fn)
        sum_tp, sum_fp, sum_fn = sum_tp + tp, sum_fp + fp, sum_fn + fn
    macro = float(sum(f1s) / len(f1s))
    micro = _safe(2 * sum_tp, 2 * sum_tp + sum_fp + sum_fn)
    weighted = _safe(sum(s * f for s, f in zip(supports, f1s)), sum(supports))
    return {"macro": macro, "micro": micro, "weighted": weighted}
