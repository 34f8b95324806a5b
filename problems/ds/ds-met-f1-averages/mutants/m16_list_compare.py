# breaks: input-kinds
import numpy as np


def f1_averages(y_true, y_pred, labels):
    # Compares the inputs to each label directly: fine for arrays, but a list == "cat" is just False.
    if len(labels) == 0 or len(y_true) == 0 or len(y_true) != len(y_pred):
        raise ValueError("bad input")
    tp = np.array([np.sum((y_true == c) & (y_pred == c)) for c in labels], dtype=float)
    fp = np.array([np.sum((y_true != c) & (y_pred == c)) for c in labels], dtype=float)
    fn = np.array([np.sum((y_true == c) & (y_pred != c)) for c in labels], dtype=float)
    den = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, den, out=np.zeros_like(den), where=den > 0)
    sup = tp + fn
    micro_den = 2 * tp.sum() + fp.sum() + fn.sum()
    return {"macro": float(f1.mean()),
            "micro": float(2 * tp.sum() / micro_den) if micro_den else 0.0,
            "weighted": float(np.sum(f1 * sup) / sup.sum()) if sup.sum() else 0.0}
