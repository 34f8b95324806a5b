# breaks: zero-trials
def beta_posterior(a, b, successes, trials):
    # Updates through the observed rate: divides by trials, so no data fails.
    if a <= 0 or b <= 0:
        raise ValueError("prior parameters must be positive")
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError("need 0 <= successes <= trials")
    rate = successes / trials
    ap, bp = float(a + rate * trials), float(b + (1 - rate) * trials)
    mode = (ap - 1) / (ap + bp - 2) if ap > 1 and bp > 1 else None
    return {"a": ap, "b": bp, "mean": ap / (ap + bp), "mode": mode}
