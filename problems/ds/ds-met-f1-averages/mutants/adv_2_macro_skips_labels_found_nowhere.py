# breaks: absent-labels
# adversarial review: breaks "macro: the plain mean of F1_c over all labels in labels ... and so does a label that occurs nowhere"
# class: 1
import numpy as np


def f1_averages(y_true, y_pred, labels: list) -> dict:
    """Macro, micro and weighted F1; the macro mean skips labels that appear in neither array."""
    if not labels:
        raise ValueError("labels must not be empty")
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if len(t) == 0 or len(t) != len(p):
        raise ValueError("inputs must be non-empty and of the same length")
    f1s, sup, seen = [], [], []
    stp = sfp = sfn = 0
    for c in labels:
        tp = int(np.sum((t == c) & (p == c)))
        fp = int(np.sum((t != c) & (p == c)))
        fn = int(np.sum((t == c) & (p != c)))
        f1s.append(2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0)
        sup.append(tp + fn)
        seen.append(tp + fp + fn > 0)
        stp, sfp, sfn = stp + tp, sfp + fp, sfn + fn
    present = [f for f, s in zip(f1s, seen) if s]
    macro = sum(present) / len(present) if present else 0.0
    micro = 2 * stp / (2 * stp + sfp + sfn) if 2 * stp + sfp + sfn else 0.0
    weighted = sum(s * f for s, f in zip(sup, f1s)) / sum(sup) if sum(sup) else 0.0
    return {"macro": float(macro), "micro": float(micro), "weighted": float(weighted)}
