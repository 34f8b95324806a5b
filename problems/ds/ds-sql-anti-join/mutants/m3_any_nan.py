def customers_without_orders(customers, orders):
    # Wrong: LEFT JOIN, then keeps every row holding any NaN (also catches NaN in customer columns).
    left = customers.reset_index(names="__row")
    merged = left.merge(orders[["customer_id"]], how="left", left_on="id", right_on="customer_id")
    rows = merged.loc[merged.isna().any(axis=1), "__row"].drop_duplicates()
    return customers.loc[rows.to_numpy()]
