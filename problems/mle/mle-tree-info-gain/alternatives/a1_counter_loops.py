import math
from collections import Counter


def information_gain(y, left_mask):
    # Plain Python: count labels with Counter, entropies with math.log2.
    labels = list(y.tolist())
    mask = [bool(m) for m in left_mask.tolist()]
    if not labels:
        raise ValueError("empty y")
    if len(mask) != len(labels):
        raise ValueError("length mismatch")

    def entropy(values):
        total = len(values)
        h = 0.0
        for c in Counter(values).values():
            p = c / total
            h -= p * math.log2(p)
        return h

    left = [v for v, m in zip(labels, mask) if m]
    right = [v for v, m in zip(labels, mask) if not m]
    if not left or not right:
        return 0.0
    n = len(labels)
    return entropy(labels) - len(left) / n * entropy(left) - len(right) / n * entropy(right)
