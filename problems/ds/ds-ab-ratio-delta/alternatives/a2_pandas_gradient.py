import numpy as np
import pandas as pd


def ratio_se(num, den):
    # Delta method in matrix form: Var(R) ~ g' S g / n, with S the 2x2 sample covariance matrix of
    # (num, den) (pandas, ddof = 1) and g = (1 / mu_den, -mu_num / mu_den^2) the gradient of mu_num / mu_den.
    if len(num) != len(den):
        raise ValueError("num and den must have the same length")
    if len(num) < 2:
        raise ValueError("need at least two users")
    df = pd.DataFrame({"num": np.asarray(num, dtype=float), "den": np.asarray(den, dtype=float)})
    mu = df.mean()
    if mu["den"] == 0:
        raise ValueError("mean(den) is zero")
    g = np.array([1.0 / mu["den"], -mu["num"] / mu["den"] ** 2])
    s = df.cov().loc[["num", "den"], ["num", "den"]].to_numpy()
    var = float(g @ s @ g) / len(df)
    return float(np.sqrt(max(var, 0.0)))
