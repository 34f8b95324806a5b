def nth_highest(s, n):
    # Wrong: with fewer than n distinct values it returns the smallest one instead of None.
    if n < 1:
        raise ValueError("n must be at least 1")
    top = s.dropna().drop_duplicates().nlargest(n)
    return float(top.iloc[-1]) if len(top) else None
