import numpy as np


def f1_averages(y_true, y_pred, labels: list) -> dict:
    """Macro, micro and weighted F1 over the given labels (0/0 counts as 0)."""
    t = np.asarray(y_true)
    p = np.asarray(y_pred)
    if t.ndim != 1 or t.shape != p.shape:
        raise ValueError("y_true and y_pred must be 1-D with the same length")
    if t.size == 0:
        raise ValueError("empty input")
    if len(labels) == 0:
        raise ValueError("labels must not be empty")
    tp = np.array([np.sum((t == lab) & (p == lab)) for lab in labels], dtype=np.float64)
    fp = np.array([np.sum((t != lab) & (p == lab)) for lab in labels], dtype=np.float64)
    fn = np.array([np.sum((t == lab) & (p != lab)) for lab in labels], dtype=np.float64)
    den = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, den, out=np.zeros_like(den), where=den > 0)
    support = tp + fn
    micro_den = 2 * tp.sum() + fp.sum() + fn.sum()
    return {
        "macro": float(f1.mean()),
        "micro": float(2 * tp.sum() / micro_den) if micro_den > 0 else 0.0,
        "weighted": float(np.sum(f1 * support) / support.sum()) if support.sum() > 0 else 0.0,
    }
