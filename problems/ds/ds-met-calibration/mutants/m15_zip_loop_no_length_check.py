# breaks: length-raises
import math

import pandas as pd


def calibration_table(y, p, n_bins=10):
    # A plain loop over zip(y, p) with no length check: zip silently drops the longer tail.
    if len(p) == 0 or n_bins < 1:
        raise ValueError("bad input")
    groups = {}
    for yi, pi in zip(y, p):
        pi = float(pi)
        if math.isnan(pi) or pi < 0 or pi > 1:
            raise ValueError("p must be in [0, 1]")
        groups.setdefault(min(math.floor(pi * n_bins), n_bins - 1), []).append((float(yi == 1), pi))
    rows = []
    n = 0
    for b in sorted(groups):
        g = groups[b]
        n += len(g)
        rows.append((b, len(g), sum(q for _, q in g) / len(g), sum(v for v, _ in g) / len(g)))
    table = pd.DataFrame(rows, columns=["bin", "count", "mean_p", "frac_pos"])
    table = table.astype({"bin": "int64", "count": "int64", "mean_p": "float64", "frac_pos": "float64"})
    ece = sum(c / n * abs(mp - fp) for _, c, mp, fp in rows)
    return table, float(ece)
