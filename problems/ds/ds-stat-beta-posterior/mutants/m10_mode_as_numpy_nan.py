# breaks: mode-none
def beta_posterior(a, b, successes, trials):
    # Reports an undefined mode as nan instead of None.
    if a <= 0 or b <= 0:
        raise ValueError("prior parameters must be positive")
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError("need 0 <= successes <= trials")
    ap, bp = float(a + successes), float(b + trials - successes)
    mode = (ap - 1) / (ap + bp - 2) if ap > 1 and bp > 1 else float("nan")
    return {"a": ap, "b": bp, "mean": ap / (ap + bp), "mode": mode}
