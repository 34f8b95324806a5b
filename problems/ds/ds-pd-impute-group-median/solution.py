import pandas as pd


def impute_group_median(df: pd.DataFrame, group_col: str, col: str) -> pd.DataFrame:
    """Fill NaN in `col` with its group's median; all-missing groups get the overall median."""
    values = df[col].astype("float64")
    overall = values.median()
    if pd.isna(overall):
        raise ValueError(f"column {col!r} has no non-missing value")
    group_median = values.groupby(df[group_col]).transform("median")
    out = df.copy()
    out[col] = values.fillna(group_median).fillna(overall)
    return out
