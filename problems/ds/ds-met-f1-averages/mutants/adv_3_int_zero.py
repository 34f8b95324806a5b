# breaks: float-values
# adversarial review: breaks "each mapped to a float" (0/0 averages return the int 0)
# class: 4
import numpy as np


def f1_averages(y_true, y_pred, labels: list) -> dict:
    """Macro, micro and weighted F1; 0/0 short-cuts return 0."""
    if not labels:
        raise ValueError("labels must not be empty")
    t, p = np.asarray(y_true), np.asarray(y_pred)
    if len(t) == 0 or len(t) != len(p):
        raise ValueError("inputs must be non-empty and of the same length")
    f1s, sup = [], []
    stp = sfp = sfn = 0
    for c in labels:
        tp = int(np.sum((t == c) & (p == c)))
        fp = int(np.sum((t != c) & (p == c)))
        fn = int(np.sum((t == c) & (p != c)))
        f1s.append(2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0)
        sup.append(tp + fn)
        stp, sfp, sfn = stp + tp, sfp + fp, sfn + fn
    macro = sum(f1s) / len(f1s)
    micro = 2 * stp / (2 * stp + sfp + sfn) if 2 * stp + sfp + sfn else 0
    weighted = sum(s * f for s, f in zip(sup, f1s)) / sum(sup) if sum(sup) else 0
    return {"macro": macro, "micro": micro, "weighted": weighted}
