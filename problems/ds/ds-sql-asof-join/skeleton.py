import numpy as np
import pandas as pd


def attach_last_quote(trades: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """`trades` plus a float64 `price` column: the latest same-ticker quote at or before each trade.

    NaN when there is no such quote. Keep the trades' row order and index labels.
    """
    raise NotImplementedError
