def beta_posterior(a: float, b: float, successes: int, trials: int) -> dict:
    """Return the posterior Beta parameters, mean and mode after `successes` of `trials`."""
    raise NotImplementedError
