import math
import statistics


def paired_t(before, after):
    # Standard library only: statistics.mean / statistics.stdev on the list of differences.
    xs = [float(v) for v in before]
    ys = [float(v) for v in after]
    if len(xs) != len(ys):
        raise ValueError("samples must have the same length")
    if len(xs) < 2:
        raise ValueError("at least two pairs are needed")
    diffs = [y - x for x, y in zip(xs, ys)]
    s = statistics.stdev(diffs)
    if s == 0:
        raise ValueError("all differences are equal")
    return statistics.mean(diffs) / (s / math.sqrt(len(diffs))), len(diffs) - 1
