def nth_highest(s, n):
    # Wrong: returns the element as stored (an integer for an int64 Series) instead of a float.
    if n < 1:
        raise ValueError("n must be at least 1")
    distinct = s.dropna().drop_duplicates().sort_values(ascending=False)
    return distinct.iloc[n - 1] if n <= len(distinct) else None
