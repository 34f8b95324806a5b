import numpy as np


def top_eigenpair(A: np.ndarray, rng: np.random.Generator, n_iter: int = 1000,
                  tol: float = 1e-10) -> tuple[float, np.ndarray]:
    """Largest eigenvalue and its unit eigenvector of a symmetric PSD matrix, by power iteration."""
    A = np.asarray(A, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] == 0:
        raise ValueError("A must be a non-empty square matrix")
    v = rng.standard_normal(A.shape[0])
    v /= np.linalg.norm(v)
    for _ in range(n_iter):
        w = A @ v
        norm = np.linalg.norm(w)
        if norm == 0.0:  # v lies in the null space: A v = 0, eigenvalue 0
            break
        w /= norm
        done = np.linalg.norm(w - v) < tol
        v = w
        if done:
            break
    eigenvalue = float(v @ (A @ v))
    if v[np.argmax(np.abs(v))] < 0:
        v = -v
    return eigenvalue, v
