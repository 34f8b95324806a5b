# breaks: float-values
import numpy as np


def f1_averages(y_true, y_pred, labels):
    # Counts in float32 to save memory, so the averages are numpy.float32.
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if len(labels) == 0:
        raise ValueError("labels must not be empty")
    if t.size == 0 or t.shape != p.shape:
        raise ValueError("inputs must be non-empty and of the same length")
    tp = np.array([np.sum((t == c) & (p == c)) for c in labels], dtype=np.float32)
    fp = np.array([np.sum((t != c) & (p == c)) for c in labels], dtype=np.float32)
    fn = np.array([np.sum((t == c) & (p != c)) for c in labels], dtype=np.float32)
    den = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, den, out=np.zeros_like(den), where=den > 0)
    sup = tp + fn
    micro_den = 2 * tp.sum() + fp.sum() + fn.sum()
    return {"macro": f1.mean(),
            "micro": 2 * tp.sum() / micro_den if micro_den else np.float32(0),
            "weighted": np.sum(f1 * sup) / sup.sum() if sup.sum() else np.float32(0)}
