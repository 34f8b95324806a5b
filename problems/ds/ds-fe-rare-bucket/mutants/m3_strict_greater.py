# breaks: at-least
def bucket_rare(train, test, min_count):
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = train.value_counts()
    keep = set(counts.index[counts > min_count])
    return (train.where(train.isna() | train.isin(keep), "OTHER"),
            test.where(test.isna() | test.isin(keep), "OTHER"))
