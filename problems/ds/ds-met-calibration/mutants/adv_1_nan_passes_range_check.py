# breaks: p-range-raises
# adversarial review: breaks "raise ValueError ... if any p is outside [0, 1] (or NaN)" (NaN passes the range comparisons)
# class: 1
import numpy as np
import pandas as pd


def calibration_table(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> tuple[pd.DataFrame, float]:
    """Reliability table and ECE; the range check uses comparisons only."""
    y = np.asarray(y)
    p = np.asarray(p, dtype=np.float64)
    if len(y) != len(p) or len(p) == 0:
        raise ValueError("inputs must be non-empty and of the same length")
    if np.any((p < 0) | (p > 1)):
        raise ValueError("p must be in [0, 1]")
    if n_bins < 1:
        raise ValueError("n_bins must be >= 1")
    df = pd.DataFrame({"bin": np.minimum(np.floor(p * n_bins), n_bins - 1),
                       "p": p, "pos": (y == 1).astype(float)})
    g = df.groupby("bin", sort=True)
    table = pd.DataFrame({"bin": g.size().index.astype("int64"),
                          "count": g.size().to_numpy().astype("int64"),
                          "mean_p": g["p"].mean().to_numpy(),
                          "frac_pos": g["pos"].mean().to_numpy()})
    ece = float(np.sum(table["count"] / len(p) * np.abs(table["mean_p"] - table["frac_pos"])))
    return table, ece
