import math


def smoothed_ce(logits, labels, eps):
    # Row by row in plain Python: loss_i = -(1 - eps) * log p_y - (eps / K) * sum_k log p_k
    rows = [[float(v) for v in row] for row in logits]
    ys = [int(y) for y in labels]
    if not rows or len(rows) != len(ys) or not 0.0 <= eps <= 1.0:
        raise ValueError("bad input")
    total = 0.0
    for row, y in zip(rows, ys):
        k = len(row)
        if not 0 <= y < k:
            raise ValueError("label out of range")
        m = max(row)
        lse = m + math.log(sum(math.exp(v - m) for v in row))
        log_p = [v - lse for v in row]
        total += -(1.0 - eps) * log_p[y] - (eps / k) * sum(log_p)
    return total / len(rows)
