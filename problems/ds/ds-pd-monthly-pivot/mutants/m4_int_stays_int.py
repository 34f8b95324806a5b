import pandas as pd


def monthly_revenue(df):
    # Integer revenue gives an int64 table.
    if len(df) == 0:
        raise ValueError("empty")
    work = df.assign(month=df["date"].str[:7])
    return work.pivot_table(index="month", columns="category", values="revenue", aggfunc="sum", fill_value=0)
