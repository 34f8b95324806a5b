import pandas as pd


def top_n_per_group(df: pd.DataFrame, group_col: str, value_col: str, n: int) -> pd.DataFrame:
    """The n rows with the largest value_col in each group (earlier row wins ties, NaN never chosen)."""
    if n < 0:
        raise ValueError("n must be non-negative")
    kept = df[df[value_col].notna()]
    # Two stable sorts: value descending (ties keep input order), then group ascending.
    kept = kept.sort_values(value_col, ascending=False, kind="stable")
    kept = kept.sort_values(group_col, kind="stable")
    return kept.groupby(group_col, sort=False).head(n).reset_index(drop=True)
