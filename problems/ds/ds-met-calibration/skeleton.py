import numpy as np
import pandas as pd


def calibration_table(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> tuple[pd.DataFrame, float]:
    """Reliability table over equal-width bins [i/B, (i+1)/B) (p = 1.0 in the last bin),
    empty bins dropped: columns bin, count, mean_p, frac_pos. Also return the
    count-weighted ECE. Raise ValueError for bad inputs (see the statement)."""
    raise NotImplementedError
