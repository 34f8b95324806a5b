import pandas as pd


def customers_without_orders(customers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """Rows of `customers` whose `id` never appears in `orders["customer_id"]` (index and order kept)."""
    has_order = customers["id"].isin(orders["customer_id"])
    return customers[~has_order].copy()
