# breaks: mean
def beta_posterior(a, b, successes, trials):
    # Mean computed as a / b instead of a / (a + b).
    if a <= 0 or b <= 0:
        raise ValueError("prior parameters must be positive")
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError("need 0 <= successes <= trials")
    ap, bp = float(a + successes), float(b + trials - successes)
    mode = (ap - 1) / (ap + bp - 2) if ap > 1 and bp > 1 else None
    return {"a": ap, "b": bp, "mean": ap / bp, "mode": mode}
