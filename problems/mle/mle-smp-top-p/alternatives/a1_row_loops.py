import math

import numpy as np


def top_p_filter(logits, p):
    # One row at a time in plain Python: sort indices by (-probability, index), add until the total reaches p.
    x = np.array(logits, dtype=np.float64)
    if x.ndim < 1 or x.shape[-1] == 0:
        raise ValueError("empty logits")
    if not (p > 0 and p <= 1):
        raise ValueError("p must be in (0, 1]")
    out = np.full(x.shape, -np.inf)
    flat_x = x.reshape(-1, x.shape[-1])
    flat_out = out.reshape(-1, x.shape[-1])
    for r in range(flat_x.shape[0]):
        row = [float(v) for v in flat_x[r]]
        m = max(row)
        w = [math.exp(v - m) for v in row]
        s = sum(w)
        probs = [v / s for v in w]
        ranked = sorted(range(len(row)), key=lambda i: (-probs[i], i))
        total = 0.0
        for i in ranked:
            if p < 1 and total >= p:
                break
            flat_out[r, i] = row[i]
            total += probs[i]
    return out
