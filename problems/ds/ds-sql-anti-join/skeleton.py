import numpy as np
import pandas as pd


def customers_without_orders(customers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """Rows of `customers` whose `id` never appears in `orders["customer_id"]`.

    Keep every column, the original row order and the original index labels.
    """
    raise NotImplementedError
