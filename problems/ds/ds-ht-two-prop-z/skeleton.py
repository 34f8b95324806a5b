from statistics import NormalDist


def two_prop_ztest(x1: int, n1: int, x2: int, n2: int, alternative: str = "two-sided") -> tuple[float, float]:
    """Pooled two-proportion z-test.

    Returns (z, p) with z = (x2/n2 - x1/n1) / SE, SE from the pooled rate, and the p-value for
    alternative "two-sided", "larger" (p2 > p1) or "smaller" (p2 < p1) from NormalDist().
    """
    raise NotImplementedError
