# breaks: counts-raise
def beta_posterior(a, b, successes, trials):
    # Correct update, but impossible inputs are accepted.
    ap, bp = float(a + successes), float(b + trials - successes)
    mode = (ap - 1) / (ap + bp - 2) if ap > 1 and bp > 1 else None
    return {"a": ap, "b": bp, "mean": ap / (ap + bp), "mode": mode}
