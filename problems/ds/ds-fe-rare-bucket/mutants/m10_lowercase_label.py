# breaks: other-replaces
def bucket_rare(train, test, min_count):
    # Replaces with the label "other" instead of "OTHER".
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = train.value_counts()
    keep = set(counts.index[counts >= min_count])
    return tuple(s.where(s.isna() | s.isin(keep), "other") for s in (train, test))
