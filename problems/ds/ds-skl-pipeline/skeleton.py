import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline


def make_model(num_cols: list, cat_cols: list) -> Pipeline:
    """Return a new, unfitted Pipeline as described in the task."""
    raise NotImplementedError
