# breaks: unlisted-classes
# adversarial review: breaks "micro: 2·ΣTP / (2·ΣTP + ΣFP + ΣFN), sums taken over the labels in labels ... otherwise it does not [equal the accuracy]"
# class: 6
import numpy as np


def f1_averages(y_true, y_pred, labels: list) -> dict:
    """Macro, micro and weighted F1; micro computed as the accuracy (the usual identity)."""
    if not labels:
        raise ValueError("labels must not be empty")
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if len(t) == 0 or len(t) != len(p):
        raise ValueError("inputs must be non-empty and of the same length")
    f1s, sup = [], []
    for c in labels:
        tp = np.sum((t == c) & (p == c))
        fp = np.sum((t != c) & (p == c))
        fn = np.sum((t == c) & (p != c))
        f1s.append(2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0)
        sup.append(tp + fn)
    f1s, sup = np.array(f1s, dtype=float), np.array(sup, dtype=float)
    return {"macro": float(f1s.mean()),
            "micro": float(np.mean(t == p)),
            "weighted": float((sup * f1s).sum() / sup.sum()) if sup.sum() else 0.0}
