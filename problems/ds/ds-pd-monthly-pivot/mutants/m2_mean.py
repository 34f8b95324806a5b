import pandas as pd


def monthly_revenue(df):
    if len(df) == 0:
        raise ValueError("empty")
    work = df.assign(month=pd.to_datetime(df["date"]).dt.strftime("%Y-%m"), revenue=df["revenue"].astype(float))
    return work.pivot_table(index="month", columns="category", values="revenue", aggfunc="mean", fill_value=0.0)
