import pandas as pd


def dense_rank_desc(s):
    # Plain Python: map each distinct value (largest first) to 1, 2, 3, ...
    lookup = {v: r for r, v in enumerate(sorted(set(s.tolist()), reverse=True), start=1)}
    out = pd.Series([lookup[v] for v in s.tolist()], index=s.index, name=s.name, dtype="int64")
    return out
