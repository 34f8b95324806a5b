# breaks: counts-raise
# Adversarial wrong solution 3 (reviewer a2): "successes > trials raise ValueError"
def beta_posterior(a: float, b: float, successes: int, trials: int) -> dict:
    """Return {"a": a', "b": b', "mean": ..., "mode": ...} for the Beta
    posterior after `successes` of `trials`. mode is None unless a' > 1 and
    b' > 1. Raise ValueError for a <= 0, b <= 0 or impossible counts."""
    if not a > 0 or not b > 0:
        raise ValueError("prior parameters must be positive")
    if successes < 0 or trials < 0:
        raise ValueError("need 0 <= successes <= trials")
    a_post = float(a) + float(successes)
    b_post = float(b) + float(trials - successes)
    mean = a_post / (a_post + b_post)
    mode = (a_post - 1.0) / (a_post + b_post - 2.0) if (a_post > 1 and b_post > 1) else None
    return {"a": a_post, "b": b_post, "mean": float(mean), "mode": None if mode is None else float(mode)}
