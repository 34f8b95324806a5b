import pandas as pd


def ordered_funnel(events: pd.DataFrame, steps: list) -> pd.DataFrame:
    """Per step, the users who completed steps 1..k in order, and the conversion from the previous step."""
    raise NotImplementedError
