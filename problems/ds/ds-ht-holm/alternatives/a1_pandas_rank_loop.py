import pandas as pd


def holm_adjust(pvals):
    # pandas: sort a Series (keeping the original index), loop with a running maximum, reindex back.
    s = pd.Series(pvals, dtype="float64")
    if s.ndim != 1 or len(s) == 0:
        raise ValueError("need at least one p-value")
    if s.isna().any() or (s < 0).any() or (s > 1).any():
        raise ValueError("p-values must be in [0, 1]")
    m = len(s)
    ordered = s.sort_values(kind="mergesort")
    adjusted = {}
    running = 0.0
    for i, (label, value) in enumerate(ordered.items()):
        running = max(running, (m - i) * value)
        adjusted[label] = min(running, 1.0)
    return pd.Series(adjusted).reindex(s.index).to_numpy(dtype="float64")
