import math

import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    # Flatten the leading axes and normalise one row at a time in plain Python arithmetic.
    x = np.asarray(x, dtype=np.float64)
    d = x.shape[-1]
    rows = x.reshape(-1, d)
    out = np.empty_like(rows)
    for r in range(rows.shape[0]):
        vals = [float(v) for v in rows[r]]
        mean = sum(vals) / d
        var = sum((v - mean) ** 2 for v in vals) / d
        denom = math.sqrt(var + eps)
        for j in range(d):
            out[r, j] = float(gamma[j]) * (vals[j] - mean) / denom + float(beta[j])
    return out.reshape(x.shape)
