# breaks: tuple-result
def bucket_rare(train, test, min_count):
    # Returns a list [train_out, test_out] instead of a tuple.
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = train.value_counts()
    keep = set(counts.index[counts >= min_count])
    return [s.where(s.isna() | s.isin(keep), "OTHER") for s in (train, test)]
