import numpy as np
import pandas as pd


def spearman(x, y):
    # Correct ranks, but a constant input gives 0.0 instead of NaN.
    sx = pd.Series(x, dtype="float64")
    sy = pd.Series(y, dtype="float64")
    if len(sx) != len(sy) or len(sx) < 2:
        raise ValueError("bad input")
    rx = sx.rank().to_numpy()
    ry = sy.rank().to_numpy()
    dx, dy = rx - rx.mean(), ry - ry.mean()
    denom = np.sqrt(np.dot(dx, dx) * np.dot(dy, dy))
    return 0.0 if denom == 0 else float(np.dot(dx, dy) / denom)
