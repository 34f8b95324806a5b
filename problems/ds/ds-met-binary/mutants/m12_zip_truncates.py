# breaks: length-raises
def binary_report(y_true, y_pred):
    # Pure Python over zip(): only the empty case is checked, so zip silently drops the longer tail.
    if len(y_true) == 0 or len(y_pred) == 0:
        raise ValueError("empty input")
    tp = fp = tn = fn = 0
    for a, b in zip(y_true, y_pred):
        a, b = int(a), int(b)
        tp += a and b
        fp += (not a) and b
        tn += (not a) and (not b)
        fn += a and (not b)
    d = lambda x, y: x / y if y else 0.0
    precision, recall = d(tp, tp + fp), d(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": d(2 * precision * recall, precision + recall),
            "specificity": d(tn, tn + fp), "accuracy": (tp + tn) / (tp + fp + tn + fn)}
