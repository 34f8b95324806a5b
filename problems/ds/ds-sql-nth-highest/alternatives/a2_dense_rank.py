def nth_highest(s, n):
    # SQL style: DENSE_RANK() OVER (ORDER BY value DESC), then pick rank n.
    if n < 1:
        raise ValueError("n must be at least 1")
    ranks = s.rank(method="dense", ascending=False)
    hit = s[ranks == n]
    return None if hit.empty else float(hit.iloc[0])
