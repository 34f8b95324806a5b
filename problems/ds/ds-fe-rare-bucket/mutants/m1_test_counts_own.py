# breaks: train-counts
def bucket_rare(train, test, min_count):
    if min_count < 1:
        raise ValueError("min_count must be at least 1")

    def apply(s, counts):
        keep = set(counts.index[counts >= min_count])
        return s.where(s.isna() | s.isin(keep), "OTHER")

    seen = set(train.dropna())
    test_counts = test.value_counts()
    test_out = apply(test, test_counts)
    test_out = test_out.where(test_out.isna() | test_out.isin(seen) | (test_out == "OTHER"), "OTHER")
    return apply(train, train.value_counts()), test_out
