# breaks: str-dtype
def bucket_rare(train, test, min_count):
    # Casts the outputs to the nullable "string" dtype (pd.NA), not the default str dtype.
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = train.value_counts()
    keep = set(counts.index[counts >= min_count])
    return tuple(s.where(s.isna() | s.isin(keep), "OTHER").astype("string") for s in (train, test))
