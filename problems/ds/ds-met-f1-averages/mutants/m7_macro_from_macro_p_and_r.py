# breaks: macro
import numpy as np


def _hm(a, b):
    return float(2 * a * b / (a + b)) if a + b else 0.0


def f1_averages(y_true, y_pred, labels):
    # Macro F1 as the harmonic mean of the macro precision and the macro recall.
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if len(labels) == 0:
        raise ValueError("labels must not be empty")
    if t.size == 0 or t.shape != p.shape:
        raise ValueError("inputs must be non-empty and of the same length")
    tp = np.array([np.sum((t == c) & (p == c)) for c in labels], dtype=float)
    fp = np.array([np.sum((t != c) & (p == c)) for c in labels], dtype=float)
    fn = np.array([np.sum((t == c) & (p != c)) for c in labels], dtype=float)
    den = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, den, out=np.zeros_like(den), where=den > 0)
    sup = tp + fn
    micro_den = 2 * tp.sum() + fp.sum() + fn.sum()
    return {"macro": _hm(np.divide(tp, tp + fp, out=np.zeros_like(tp), where=tp + fp > 0).mean(),
                     np.divide(tp, tp + fn, out=np.zeros_like(tp), where=tp + fn > 0).mean()),
            "micro": float(2 * tp.sum() / micro_den) if micro_den else 0.0,
            "weighted": float(np.sum(f1 * sup) / sup.sum()) if sup.sum() else 0.0}
