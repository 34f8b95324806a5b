# breaks: exact-keys
def beta_posterior(a, b, successes, trials):
    # Also returns the posterior variance under an extra key.
    if a <= 0 or b <= 0:
        raise ValueError("prior parameters must be positive")
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError("need 0 <= successes <= trials")
    ap, bp = float(a + successes), float(b + trials - successes)
    mode = (ap - 1) / (ap + bp - 2) if ap > 1 and bp > 1 else None
    var = ap * bp / ((ap + bp) ** 2 * (ap + bp + 1))
    return {"a": ap, "b": bp, "mean": ap / (ap + bp), "mode": mode, "var": var}
