import pandas as pd


def customers_without_orders(customers, orders):
    # SQL style: LEFT JOIN on the distinct customer ids of orders, keep rows with no match.
    keys = orders[["customer_id"]].drop_duplicates()
    left = customers.reset_index(names="__row")  # remember the original labels
    merged = left.merge(keys, how="left", left_on="id", right_on="customer_id", indicator=True, sort=False)
    kept = merged[merged["_merge"] == "left_only"]
    out = customers.loc[kept["__row"].to_numpy()]
    return out
