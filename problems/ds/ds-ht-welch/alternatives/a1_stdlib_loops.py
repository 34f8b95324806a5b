import math


def welch_t(a, b):
    # Plain Python: two-pass mean and sum of squared deviations, no numpy.
    xs = [float(v) for v in a]
    ys = [float(v) for v in b]
    if len(xs) < 2 or len(ys) < 2:
        raise ValueError("need at least two observations in each sample")

    def mean_var(vals):
        m = math.fsum(vals) / len(vals)
        ss = math.fsum((v - m) ** 2 for v in vals)
        return m, ss / (len(vals) - 1)

    m1, s1 = mean_var(xs)
    m2, s2 = mean_var(ys)
    q1, q2 = s1 / len(xs), s2 / len(ys)
    se2 = q1 + q2
    if se2 == 0.0:
        raise ValueError("zero variance in both samples")
    t = (m1 - m2) / math.sqrt(se2)
    df = se2 * se2 / (q1 * q1 / (len(xs) - 1) + q2 * q2 / (len(ys) - 1))
    return (t, df)
