# breaks: input-kinds
import numpy as np


def f1_averages(y_true, y_pred, labels):
    # Builds the confusion matrix with np.bincount on the labels themselves: works for small ints only.
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if len(labels) == 0 or t.size == 0 or t.shape != p.shape:
        raise ValueError("bad input")
    k = int(max(t.max(), p.max(), max(labels))) + 1
    cm = np.bincount(t * k + p, minlength=k * k).reshape(k, k)
    idx = np.array(labels)
    tp = cm[idx, idx].astype(float)
    fp = cm[:, idx].sum(axis=0) - tp
    fn = cm[idx, :].sum(axis=1) - tp
    den = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, den, out=np.zeros_like(den), where=den > 0)
    sup = tp + fn
    micro_den = 2 * tp.sum() + fp.sum() + fn.sum()
    return {"macro": float(f1.mean()),
            "micro": float(2 * tp.sum() / micro_den) if micro_den else 0.0,
            "weighted": float(np.sum(f1 * sup) / sup.sum()) if sup.sum() else 0.0}
