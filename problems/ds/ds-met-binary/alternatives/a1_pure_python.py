def binary_report(y_true, y_pred):
    # Plain loop over the pairs, counting the four confusion-matrix cells.
    yt = [int(v) for v in y_true]
    yp = [int(v) for v in y_pred]
    if len(yt) != len(yp) or not yt:
        raise ValueError("inputs must be non-empty and of equal length")
    cells = {(1, 1): 0, (0, 1): 0, (0, 0): 0, (1, 0): 0}
    for a, b in zip(yt, yp):
        cells[(a, b)] += 1
    tp, fp, tn, fn = cells[(1, 1)], cells[(0, 1)], cells[(0, 0)], cells[(1, 0)]

    def div(a, b):
        return a / b if b != 0 else 0.0

    f1 = div(2 * tp, 2 * tp + fp + fn)
    return {"precision": div(tp, tp + fp), "recall": div(tp, tp + fn), "f1": f1,
            "specificity": div(tn, tn + fp), "accuracy": (tp + tn) / len(yt)}
