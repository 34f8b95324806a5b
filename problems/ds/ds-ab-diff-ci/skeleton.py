def diff_ci(x_c: int, n_c: int, x_t: int, n_t: int, conf: float = 0.95) -> tuple[float, float, float]:
    """(diff, lower, upper): treatment rate minus control rate and its two-sided normal confidence interval."""
    raise NotImplementedError
