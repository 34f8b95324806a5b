import pandas as pd


def monthly_revenue(df):
    # Groups by the month number only: December 2023 and December 2024 are merged.
    if len(df) == 0:
        raise ValueError("empty")
    month = pd.to_datetime(df["date"]).dt.month.rename("month")
    revenue = df["revenue"].astype("float64")
    return revenue.groupby([month, df["category"].rename("category")]).sum().unstack(fill_value=0.0)
