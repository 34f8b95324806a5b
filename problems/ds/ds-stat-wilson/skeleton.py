import math
from statistics import NormalDist


def wilson_interval(successes: int, n: int, conf: float = 0.95) -> tuple[float, float]:
    """Return (lower, upper): the two-sided Wilson score interval for
    successes out of n at confidence level conf. Raise ValueError for
    n < 1, successes outside [0, n], or conf outside (0, 1)."""
    raise NotImplementedError
