import numpy as np


def _f1(tp, fp, fn):
    d = 2 * tp + fp + fn
    return 2 * tp / d if d else 0.0


def f1_averages(y_true, y_pred, labels):
    labels = list(labels)
    if not labels:
        raise ValueError("labels is empty")
    t = list(np.asarray(y_true).tolist())
    p = list(np.asarray(y_pred).tolist())
    if len(t) == 0 or len(t) != len(p):
        raise ValueError("inputs must be non-empty and of the same length")
    f1s, supports = [], []
    TP = FP = FN = 0
    for lab in labels:
        tp = sum(1 for a, b in zip(t, p) if a == lab and b == lab)
        fp = sum(1 for a, b in zip(t, p) if a != lab and b == lab)
        fn = sum(1 for a, b in zip(t, p) if a == lab and b != lab)
        TP, FP, FN = TP + tp, FP + fp, FN + fn
        f1s.append(_f1(tp, fp, fn))
        supports.append(tp + fn)
    total = sum(supports)
    weighted = sum(f * s for f, s in zip(f1s, supports)) / total if total else 0.0
    return {
        "macro": float(sum(f1s) / len(f1s)),
        "micro": float(_f1(TP, FP, FN)),
        "weighted": float(weighted),
    }
