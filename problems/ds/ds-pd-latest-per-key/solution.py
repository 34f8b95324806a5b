import pandas as pd


def latest_per_key(df: pd.DataFrame, key: str, ts: str) -> pd.DataFrame:
    """One row per key: the latest timestamp, ties to the row that comes last in df; sorted by key."""
    # Two stable sorts: time ascending (ties keep input order), then key ascending.
    ordered = df.sort_values(ts, kind="stable").sort_values(key, kind="stable")
    return ordered.drop_duplicates(subset=key, keep="last")
