# breaks: new-series
def bucket_rare(train, test, min_count):
    # Shortcut: when no value of a split needs bucketing, that split's input Series is returned itself.
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = train.value_counts()
    keep = set(counts.index[counts >= min_count])

    def apply(s):
        mask = s.isna() | s.isin(keep)
        return s if mask.all() else s.where(mask, "OTHER")

    return apply(train), apply(test)
