import pandas as pd


def monthly_revenue(df: pd.DataFrame) -> pd.DataFrame:
    """Month ("YYYY-MM") by category table of summed revenue, float64, missing combinations 0.0."""
    if len(df) == 0:
        raise ValueError("df has no rows")
    month = pd.to_datetime(df["date"], format="%Y-%m-%d").dt.strftime("%Y-%m").rename("month")
    revenue = df["revenue"].astype("float64")
    table = revenue.groupby([month, df["category"].rename("category")]).sum().unstack(fill_value=0.0)
    return table.sort_index().sort_index(axis=1)
