customers = pd.DataFrame(
    {"id": [7, 3, 9, 4, 12],
     "name": ["Ada", "Ben", "Cy", "Dee", "Eli"],
     "email": ["ada@x.io", np.nan, "cy@x.io", np.nan, "eli@x.io"]},
    index=[10, 11, 12, 13, 14])
orders = pd.DataFrame({"id": [1, 2, 3, 4], "customer_id": [3, 12, 3, 99],
                       "total": [20.0, 5.5, 8.25, 14.0]})
print(customers_without_orders(customers, orders))
