import math
import statistics


def mean_ci(x, conf=0.95):
    # Standard library only: statistics.fmean / statistics.stdev (n - 1 denominator).
    vals = [float(v) for v in x]
    if len(vals) < 2:
        raise ValueError("need at least two values")
    if not (0 < conf < 1):
        raise ValueError("conf must be in (0, 1)")
    alpha = 1 - conf
    z = statistics.NormalDist().inv_cdf(1 - alpha / 2)
    m = statistics.fmean(vals)
    half = z * statistics.stdev(vals) / math.sqrt(len(vals))
    return (m - half, m + half)
