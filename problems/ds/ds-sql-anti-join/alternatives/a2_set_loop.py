def customers_without_orders(customers, orders):
    # Plain Python: a set of the customer ids that ordered, then a positional filter.
    bought = set(orders["customer_id"].tolist())
    keep = [i for i, cid in enumerate(customers["id"].tolist()) if cid not in bought]
    return customers.iloc[keep]
