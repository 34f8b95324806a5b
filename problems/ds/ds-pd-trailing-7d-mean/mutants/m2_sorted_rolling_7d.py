# breaks: same-date-shared
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # Time-based rolling on sorted rows: a row does not see later rows of the same date.
    if len(df) == 0:
        raise ValueError("empty")
    s = df.sort_values(date_col, kind="stable")
    r = s.set_index(date_col)[value_col].astype(float).rolling("7D").mean()
    return pd.Series(r.to_numpy(), index=s.index, name=value_col).reindex(df.index)
