import pandas as pd


def monthly_revenue(df):
    # pivot_table on a period column converted to text.
    if df.empty:
        raise ValueError("empty")
    work = pd.DataFrame({
        "month": pd.to_datetime(df["date"]).dt.to_period("M").astype(str),
        "category": df["category"],
        "revenue": df["revenue"].astype(float),
    })
    return work.pivot_table(index="month", columns="category", values="revenue", aggfunc="sum", fill_value=0.0)
