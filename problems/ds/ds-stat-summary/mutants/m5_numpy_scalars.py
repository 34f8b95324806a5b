import numpy as np


def summary_stats(x):
    # Right numbers, but NumPy scalars instead of Python floats.
    v = np.asarray(x, dtype=np.float64)
    if np.all(np.isnan(v)):
        raise ValueError("no non-NaN values")
    median = np.nanmedian(v)
    n = np.sum(~np.isnan(v))
    return {
        "mean": np.nanmean(v),
        "median": median,
        "std": np.nanstd(v, ddof=1) if n >= 2 else np.float64("nan"),
        "iqr": np.nanpercentile(v, 75) - np.nanpercentile(v, 25),
        "mad": np.nanmedian(np.abs(v - median)),
    }
