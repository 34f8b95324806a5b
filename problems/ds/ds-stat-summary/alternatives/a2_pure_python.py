import math


def _median(sorted_vals):
    n = len(sorted_vals)
    mid = n // 2
    return sorted_vals[mid] if n % 2 else (sorted_vals[mid - 1] + sorted_vals[mid]) / 2


def _percentile(sorted_vals, q):
    # Linear interpolation between order statistics at position q/100 * (n - 1).
    pos = q / 100 * (len(sorted_vals) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (pos - lo) * (sorted_vals[hi] - sorted_vals[lo])


def summary_stats(x):
    v = sorted(float(t) for t in x.tolist() if not math.isnan(float(t)))
    n = len(v)
    if n == 0:
        raise ValueError("no non-NaN values")
    mean = math.fsum(v) / n
    med = _median(v)
    std = math.sqrt(math.fsum((t - mean) ** 2 for t in v) / (n - 1)) if n >= 2 else float("nan")
    return {
        "mean": mean,
        "median": med,
        "std": std,
        "iqr": _percentile(v, 75) - _percentile(v, 25),
        "mad": _median(sorted(abs(t - med) for t in v)),
    }
