from fractions import Fraction


def beta_posterior(a, b, successes, trials):
    # Update one observation at a time (successes first, then failures), in exact fractions.
    if not (a > 0 and b > 0):
        raise ValueError("a and b must be positive")
    if not (0 <= successes <= trials):
        raise ValueError("need 0 <= successes <= trials")
    alpha, beta = Fraction(a), Fraction(b)
    for outcome in [1] * int(successes) + [0] * int(trials - successes):
        if outcome:
            alpha += 1
        else:
            beta += 1
    mode = None
    if alpha > 1 and beta > 1:
        mode = float((alpha - 1) / (alpha + beta - 2))
    return {"a": float(alpha), "b": float(beta), "mean": float(alpha / (alpha + beta)), "mode": mode}
