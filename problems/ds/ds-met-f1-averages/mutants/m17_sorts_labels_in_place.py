# breaks: inputs-unchanged
import numpy as np


def f1_averages(y_true, y_pred, labels):
    # Sorts the caller's label list in place (to match np.unique's order) before counting.
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if len(labels) == 0 or t.size == 0 or t.shape != p.shape:
        raise ValueError("bad input")
    labels.sort()
    tp = np.array([np.sum((t == c) & (p == c)) for c in labels], dtype=float)
    fp = np.array([np.sum((t != c) & (p == c)) for c in labels], dtype=float)
    fn = np.array([np.sum((t == c) & (p != c)) for c in labels], dtype=float)
    den = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, den, out=np.zeros_like(den), where=den > 0)
    sup = tp + fn
    micro_den = 2 * tp.sum() + fp.sum() + fn.sum()
    return {"macro": float(f1.mean()),
            "micro": float(2 * tp.sum() / micro_den) if micro_den else 0.0,
            "weighted": float(np.sum(f1 * sup) / sup.sum()) if sup.sum() else 0.0}
