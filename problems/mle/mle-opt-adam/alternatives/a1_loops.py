import math

import numpy as np


def adam_step(w, g, m, v, t, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
    # Elementwise loop in plain floats, computing each new moment coordinate by coordinate.
    if t < 1:
        raise ValueError("t must be >= 1")
    c1 = 1.0 - b1 ** t
    c2 = 1.0 - b2 ** t
    shape = np.shape(w)
    wf, gf, mf, vf = (np.asarray(a, dtype=float).ravel() for a in (w, g, m, v))
    nw, nm, nv = (np.empty(wf.size) for _ in range(3))
    for i in range(wf.size):
        mi = b1 * mf[i] + (1 - b1) * gf[i]
        vi = b2 * vf[i] + (1 - b2) * gf[i] ** 2
        nm[i] = mi
        nv[i] = vi
        nw[i] = wf[i] - lr * (mi / c1) / (math.sqrt(vi / c2) + eps)
    return nw.reshape(shape), nm.reshape(shape), nv.reshape(shape)
