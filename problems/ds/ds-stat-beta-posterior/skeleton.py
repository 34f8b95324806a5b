def beta_posterior(a: float, b: float, successes: int, trials: int) -> dict:
    """Return {"a": a', "b": b', "mean": ..., "mode": ...} for the Beta
    posterior after `successes` of `trials`. mode is None unless a' > 1 and
    b' > 1. Raise ValueError for a <= 0, b <= 0 or impossible counts."""
    raise NotImplementedError
