def nth_highest(s, n):
    # Wrong: duplicates occupy separate places.
    if n < 1:
        raise ValueError("n must be at least 1")
    ordered = s.dropna().sort_values(ascending=False)
    return float(ordered.iloc[n - 1]) if n <= len(ordered) else None
