import numpy as np


def momentum_step(w, g, v, lr, mu, nesterov=False):
    # Coordinate-by-coordinate loop in plain Python floats.
    shape = np.shape(w)
    wf = np.asarray(w, dtype=float).ravel().tolist()
    gf = np.asarray(g, dtype=float).ravel().tolist()
    vf = np.asarray(v, dtype=float).ravel().tolist()
    out_w, out_v = [], []
    for wi, gi, vi in zip(wf, gf, vf):
        nv = mu * vi + gi
        direction = gi + mu * nv if nesterov else nv
        out_w.append(wi - lr * direction)
        out_v.append(nv)
    return (np.array(out_w, dtype=float).reshape(shape), np.array(out_v, dtype=float).reshape(shape))
