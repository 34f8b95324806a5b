import numpy as np
import pandas as pd


def calibration_table(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> tuple[pd.DataFrame, float]:
    """The reliability table of equal-width probability bins, and the expected calibration error."""
    raise NotImplementedError
