import numpy as np
import pandas as pd


def top_n_per_group(df, group_col, value_col, n):
    # SQL style: ROW_NUMBER() OVER (PARTITION BY g ORDER BY v DESC), keep row_number <= n.
    if n < 0:
        raise ValueError("n must be non-negative")
    rn = df.groupby(group_col)[value_col].rank(method="first", ascending=False)
    mask = (rn <= n).to_numpy()
    sub = df[mask]
    rn = rn[mask].to_numpy()
    codes, _ = pd.factorize(sub[group_col], sort=True)
    order = np.lexsort((rn, codes))
    return sub.iloc[order].reset_index(drop=True)
