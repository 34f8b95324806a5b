import numpy as np


def top_eigenpair(A: np.ndarray, rng: np.random.Generator, n_iter: int = 1000,
                  tol: float = 1e-10) -> tuple[float, np.ndarray]:
    """Largest eigenvalue and unit eigenvector of a symmetric PSD matrix by power iteration.

    Random start from rng, normalise every step, stop when ||w - v|| < tol, eigenvalue by the
    Rayleigh quotient, largest-magnitude entry of the vector positive. ValueError if A is not square.
    """
    raise NotImplementedError
