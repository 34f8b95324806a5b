import numpy as np


def summary_stats(x):
    v = np.asarray(x, dtype=np.float64)
    if v.size == 0:
        raise ValueError("empty input")
    median = np.median(v)
    q25, q75 = np.percentile(v, [25, 75])
    return {
        "mean": float(np.mean(v)),
        "median": float(median),
        "std": float(np.std(v, ddof=1)) if v.size >= 2 else float("nan"),
        "iqr": float(q75 - q25),
        "mad": float(np.median(np.abs(v - median))),
    }
