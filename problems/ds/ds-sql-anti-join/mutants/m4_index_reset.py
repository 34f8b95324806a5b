def customers_without_orders(customers, orders):
    # Wrong: the merge result has a fresh 0..k-1 index instead of the customers' labels.
    merged = customers.merge(orders[["customer_id"]].drop_duplicates(), how="left", left_on="id",
                             right_on="customer_id", indicator=True)
    return merged.loc[merged["_merge"] == "left_only", list(customers.columns)].reset_index(drop=True)
