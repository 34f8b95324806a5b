import numpy as np


def attention(Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    Q = np.asarray(Q, dtype=np.float64)
    K = np.asarray(K, dtype=np.float64)
    V = np.asarray(V, dtype=np.float64)
    d = Q.shape[-1]
    S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d)
    if mask is None:
        keep = np.ones(S.shape, dtype=bool)
    else:
        keep = np.broadcast_to(np.asarray(mask, dtype=bool), S.shape)
    masked = np.where(keep, S, -np.inf)
    m = np.max(masked, axis=-1, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    E = np.where(keep, np.exp(np.where(keep, S - m, 0.0)), 0.0)
    Z = E.sum(axis=-1, keepdims=True)
    W = np.where(Z > 0, E / np.where(Z > 0, Z, 1.0), 0.0)
    out = W @ V
    return out, W
