def average_precision(y_true, scores):
    # Sort (score, label) pairs by decreasing score, then walk blocks of equal scores in a loop.
    labels = [int(v) for v in y_true]
    vals = [float(v) for v in scores]
    if len(labels) != len(vals):
        raise ValueError("different lengths")
    n_pos = sum(1 for v in labels if v == 1)
    if n_pos == 0:
        raise ValueError("no positives")
    pairs = sorted(zip(vals, labels), key=lambda q: -q[0])
    tp = seen = 0
    prev_recall = 0.0
    ap = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            tp += pairs[j][1] == 1
            seen += 1
            j += 1
        recall = tp / n_pos
        ap += (recall - prev_recall) * (tp / seen)
        prev_recall = recall
        i = j
    return ap
