import numpy as np
import pandas as pd


def add_lags(df, entity, time, value, lags=(1, 7)):
    # Position of each row inside its entity's time order, then a self-lookup on (entity, position - k).
    for k in lags:
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise ValueError("every lag must be a positive int")
    n = len(df)
    ent = df[entity].tolist()
    tim = df[time].tolist()
    val = df[value].to_numpy(dtype=np.float64)
    by_entity = {}
    for i in range(n):
        by_entity.setdefault(ent[i], []).append(i)
    lookup = {}
    pos = [0] * n
    for e, rows in by_entity.items():
        rows.sort(key=lambda i: tim[i])
        for p, i in enumerate(rows):
            pos[i] = p
            lookup[(e, p)] = i
    out = df.copy()
    for k in lags:
        col = np.full(n, np.nan)
        for i in range(n):
            j = lookup.get((ent[i], pos[i] - k))
            if j is not None:
                col[i] = val[j]
        out[f"lag_{k}"] = col
    return out
