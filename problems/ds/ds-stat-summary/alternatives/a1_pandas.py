import pandas as pd


def summary_stats(x):
    # pandas skips NaN by default; Series.std uses ddof=1 and gives NaN for a single value.
    s = pd.Series(x, dtype="float64").dropna()
    if len(s) == 0:
        raise ValueError("no non-NaN values")
    med = s.median()
    return {
        "mean": float(s.mean()),
        "median": float(med),
        "std": float(s.std()),
        "iqr": float(s.quantile(0.75) - s.quantile(0.25)),
        "mad": float((s - med).abs().median()),
    }
