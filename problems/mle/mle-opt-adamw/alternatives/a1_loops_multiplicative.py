import math

import numpy as np


def adamw_step(w, g, m, v, t, lr, wd, b1=0.9, b2=0.999, eps=1e-8):
    # Coordinate loop; the decay is applied as a multiplication w * (1 - lr * wd), then the Adam step.
    if t < 1:
        raise ValueError("t must be >= 1")
    c1, c2 = 1.0 - b1 ** t, 1.0 - b2 ** t
    shape = np.shape(w)
    wf, gf, mf, vf = (np.asarray(a, dtype=float).ravel().tolist() for a in (w, g, m, v))
    nw, nm, nv = [], [], []
    for wi, gi, mi, vi in zip(wf, gf, mf, vf):
        mi = b1 * mi + (1 - b1) * gi
        vi = b2 * vi + (1 - b2) * gi * gi
        decayed = wi * (1.0 - lr * wd)
        nw.append(decayed - lr * (mi / c1) / (math.sqrt(vi / c2) + eps))
        nm.append(mi)
        nv.append(vi)
    return tuple(np.array(a, dtype=float).reshape(shape) for a in (nw, nm, nv))
