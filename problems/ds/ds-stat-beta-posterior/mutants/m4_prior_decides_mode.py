# breaks: mode-none
def beta_posterior(a, b, successes, trials):
    # The None rule looks at the prior parameters instead of the posterior ones.
    if a <= 0 or b <= 0:
        raise ValueError("prior parameters must be positive")
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError("need 0 <= successes <= trials")
    ap, bp = float(a + successes), float(b + trials - successes)
    mode = (ap - 1) / (ap + bp - 2) if a > 1 and b > 1 else None
    return {"a": ap, "b": bp, "mean": ap / (ap + bp), "mode": mode}
