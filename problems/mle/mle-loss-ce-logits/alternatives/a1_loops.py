import math


def cross_entropy(logits, labels, ignore_index=-100):
    # Row-by-row in plain Python arithmetic.
    total = 0.0
    count = 0
    for row, lab in zip(logits, labels):
        lab = int(lab)
        if lab == ignore_index:
            continue
        vals = [float(v) for v in row]
        m = max(vals)
        log_norm = m + math.log(sum(math.exp(v - m) for v in vals))
        total += log_norm - vals[lab]
        count += 1
    if count == 0:
        raise ValueError("every row is ignored")
    return total / count
