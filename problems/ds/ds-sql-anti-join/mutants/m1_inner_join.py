def customers_without_orders(customers, orders):
    # Wrong: keeps the customers that DO have orders.
    return customers[customers["id"].isin(orders["customer_id"])]
