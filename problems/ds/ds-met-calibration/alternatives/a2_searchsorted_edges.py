import numpy as np
import pandas as pd


def calibration_table(y, p, n_bins=10):
    # Bin by comparing against the inner edges linspace(0, 1, B + 1)[1:-1]; loop over bins.
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    if y.shape != p.shape or y.size == 0 or n_bins < 1:
        raise ValueError("bad input")
    if not np.all((p >= 0) & (p <= 1)):
        raise ValueError("p outside [0, 1]")
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    idx = np.searchsorted(edges[1:-1], p, side="right")
    rows = []
    for b in range(n_bins):
        m = idx == b
        if m.any():
            rows.append((b, int(m.sum()), p[m].mean(), y[m].mean()))
    table = pd.DataFrame(rows, columns=["bin", "count", "mean_p", "frac_pos"])
    table = table.astype({"bin": "int64", "count": "int64", "mean_p": "float64", "frac_pos": "float64"})
    ece = sum(c / y.size * abs(mp - fp) for _, c, mp, fp in rows)
    return table, float(ece)
