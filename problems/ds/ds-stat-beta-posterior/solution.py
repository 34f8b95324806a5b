def beta_posterior(a: float, b: float, successes: int, trials: int) -> dict:
    """Posterior Beta parameters, mean, and mode (None unless both posterior parameters exceed 1)."""
    if a <= 0 or b <= 0:
        raise ValueError("prior parameters must be positive")
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError("need 0 <= successes <= trials")
    a_post = float(a) + successes
    b_post = float(b) + (trials - successes)
    mode = (a_post - 1.0) / (a_post + b_post - 2.0) if a_post > 1 and b_post > 1 else None
    return {"a": a_post, "b": b_post, "mean": a_post / (a_post + b_post), "mode": mode}
