# breaks: unlisted-classes
import numpy as np


def _counts(y_true, y_pred, labels):
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if t.shape != p.shape or t.size == 0 or len(labels) == 0:
        raise ValueError("bad input")
    tp = np.array([np.sum((t == c) & (p == c)) for c in labels], dtype=float)
    fp = np.array([np.sum((t != c) & (p == c)) for c in labels], dtype=float)
    fn = np.array([np.sum((t == c) & (p != c)) for c in labels], dtype=float)
    den = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, den, out=np.zeros_like(den), where=den > 0)
    return t, p, tp, fp, fn, f1


def f1_averages(y_true, y_pred, labels):
    # Micro F1 taken as the plain accuracy over all rows, ignoring the label list.
    t, p, tp, fp, fn, f1 = _counts(y_true, y_pred, labels)
    sup = tp + fn
    return {"macro": float(f1.mean()), "micro": float(np.mean(t == p)),
            "weighted": float(np.sum(f1 * sup) / sup.sum()) if sup.sum() else 0.0}
