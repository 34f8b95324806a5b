from collections import Counter


def f1_averages(y_true, y_pred, labels):
    # Pure Python: count (true, pred) pairs once, then read the per-label cells from the counter.
    t, p = list(y_true), list(y_pred)
    if len(t) != len(p) or not t or not labels:
        raise ValueError("need non-empty inputs of equal length and a non-empty label list")
    pairs = Counter(zip(t, p))
    true_count, pred_count = Counter(t), Counter(p)
    f1s, supports = [], []
    stp = sfp = sfn = 0
    for c in labels:
        tp = pairs.get((c, c), 0)
        fp = pred_count.get(c, 0) - tp
        fn = true_count.get(c, 0) - tp
        den = 2 * tp + fp + fn
        f1s.append(2 * tp / den if den else 0.0)
        supports.append(tp + fn)
        stp, sfp, sfn = stp + tp, sfp + fp, sfn + fn
    total = sum(supports)
    micro_den = 2 * stp + sfp + sfn
    return {"macro": sum(f1s) / len(f1s),
            "micro": 2 * stp / micro_den if micro_den else 0.0,
            "weighted": sum(f * s for f, s in zip(f1s, supports)) / total if total else 0.0}
