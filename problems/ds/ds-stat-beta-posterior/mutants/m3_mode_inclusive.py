# breaks: mode-none
def beta_posterior(a, b, successes, trials):
    # Mode reported whenever both parameters are >= 1 (uniform Beta(1, 1) divides by zero -> None only there).
    if a <= 0 or b <= 0:
        raise ValueError("prior parameters must be positive")
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError("need 0 <= successes <= trials")
    ap, bp = float(a + successes), float(b + trials - successes)
    mode = None
    if ap >= 1 and bp >= 1 and ap + bp > 2:
        mode = (ap - 1) / (ap + bp - 2)
    return {"a": ap, "b": bp, "mean": ap / (ap + bp), "mode": mode}
