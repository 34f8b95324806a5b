def customers_without_orders(customers, orders):
    # Wrong: tests membership against the order id instead of the customer id.
    return customers[~customers["id"].isin(orders["id"])]
