import math

import numpy as np


def attention(Q, K, V, mask=None):
    # One query row at a time: keep only the allowed keys, softmax over them in plain Python.
    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    V = np.asarray(V, dtype=np.float64)
    lead, tq, d = Q.shape[:-2], Q.shape[-2], Q.shape[-1]
    tk, dv = K.shape[-2], V.shape[-1]
    if mask is None:
        keep = np.ones(lead + (tq, tk), dtype=bool)
    else:
        keep = np.broadcast_to(np.asarray(mask, dtype=bool), lead + (tq, tk))
    q2 = Q.reshape(-1, tq, d)
    k2 = K.reshape(-1, tk, d)
    v2 = V.reshape(-1, tk, dv)
    m2 = keep.reshape(-1, tq, tk)
    out = np.zeros((q2.shape[0], tq, dv))
    w = np.zeros((q2.shape[0], tq, tk))
    for b in range(q2.shape[0]):
        for i in range(tq):
            allowed = [j for j in range(tk) if m2[b, i, j]]
            if not allowed:
                continue
            s = [float(np.dot(q2[b, i], k2[b, j])) / math.sqrt(d) for j in allowed]
            top = max(s)
            ex = [math.exp(v - top) for v in s]
            tot = sum(ex)
            for j, e in zip(allowed, ex):
                w[b, i, j] = e / tot
            out[b, i] = w[b, i] @ v2[b]
    return out.reshape(lead + (tq, dv)), w.reshape(lead + (tq, tk))
