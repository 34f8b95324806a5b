import math

import numpy as np


def kmeanspp_init(X, k, rng):
    # Plain Python loops; each pick is an inverse-CDF draw from one uniform number rng.random().
    pts = [[float(v) for v in row] for row in np.asarray(X)]
    n = len(pts)
    if int(k) != k or k < 1 or k > n:
        raise ValueError("k must satisfy 1 <= k <= n")

    def sqdist(a, b):
        return sum((x - y) ** 2 for x, y in zip(a, b))

    first = min(int(rng.random() * n), n - 1)
    chosen = [first]
    weights = [sqdist(p, pts[first]) for p in pts]
    for _ in range(1, int(k)):
        total = math.fsum(weights)
        if total == 0.0:
            idx = min(int(rng.random() * n), n - 1)
        else:
            target = rng.random() * total
            acc, idx = 0.0, None
            for i, w in enumerate(weights):
                if w > 0.0:
                    idx = i  # last positive-weight point, used if rounding runs past the end
                    acc += w
                    if target < acc:
                        break
        chosen.append(idx)
        weights = [min(w, sqdist(p, pts[idx])) for w, p in zip(weights, pts)]
    return np.array([pts[i] for i in chosen], dtype=np.float64)
