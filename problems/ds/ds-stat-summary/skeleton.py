import numpy as np
import pandas as pd


def summary_stats(x: np.ndarray) -> dict:
    """Summary statistics of the non-NaN values of a 1-D array.

    Returns {"mean", "median", "std" (ddof=1, NaN if fewer than 2 values), "iqr" (linear
    percentiles), "mad" (unscaled)} with Python float values. Raises ValueError if there is no
    non-NaN value.
    """
    raise NotImplementedError
