import numpy as np


def summary_stats(x: np.ndarray) -> dict:
    """Mean, median, sample std, linear IQR and unscaled MAD of the non-NaN values, as Python floats."""
    x = np.asarray(x, dtype=np.float64)
    v = x[~np.isnan(x)]
    if v.size == 0:
        raise ValueError("no non-NaN values")
    median = np.median(v)
    q25, q75 = np.percentile(v, [25, 75])
    return {
        "mean": float(np.mean(v)),
        "median": float(median),
        "std": float(np.std(v, ddof=1)) if v.size >= 2 else float("nan"),
        "iqr": float(q75 - q25),
        "mad": float(np.median(np.abs(v - median))),
    }
