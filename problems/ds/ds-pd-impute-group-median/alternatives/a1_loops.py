import statistics

import pandas as pd


def impute_group_median(df, group_col, col):
    # Plain Python: collect the non-missing values per group, then fill position by position.
    keys = df[group_col].tolist()
    vals = [None if pd.isna(v) else float(v) for v in df[col].tolist()]
    present = [v for v in vals if v is not None]
    if not present:
        raise ValueError("nothing to impute from")
    overall = statistics.median(present)
    per_group = {}
    for k, v in zip(keys, vals):
        if v is not None:
            per_group.setdefault(k, []).append(v)
    medians = {k: statistics.median(vs) for k, vs in per_group.items()}
    filled = [v if v is not None else medians.get(k, overall) for k, v in zip(keys, vals)]
    out = df.copy()
    out[col] = pd.Series(filled, index=df.index, dtype="float64")
    return out
