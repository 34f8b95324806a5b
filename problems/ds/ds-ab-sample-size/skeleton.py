import math
from statistics import NormalDist


def n_per_arm(p0: float, mde: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Users per arm for a two-sided two-proportion z-test to detect a lift from p0 to p0 + mde.

    Returns the normal-approximation sample size, rounded up to an int.
    Raises ValueError when p0 + mde >= 1, mde <= 0, or p0, alpha, power are not in (0, 1).
    """
    raise NotImplementedError
