import math


def top_n_per_group(df, group_col, value_col, n):
    # Plain Python: collect (value, position) per group, pick with sorted(), then select by position.
    if n < 0:
        raise ValueError("n must be non-negative")
    groups = {}
    for pos, (g, v) in enumerate(zip(df[group_col].tolist(), df[value_col].tolist())):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        groups.setdefault(g, []).append((v, pos))
    chosen = []
    for g in sorted(groups):
        rows = sorted(groups[g], key=lambda t: (-t[0], t[1]))
        chosen.extend(pos for _, pos in rows[:n])
    return df.iloc[chosen].reset_index(drop=True)
