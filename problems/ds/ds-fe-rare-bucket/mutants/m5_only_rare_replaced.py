# breaks: unseen-other
def bucket_rare(train, test, min_count):
    # Replaces only the categories counted fewer than min_count times in train: test values unseen in train stay.
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = train.value_counts()
    rare = set(counts.index[counts < min_count])
    return train.where(~train.isin(rare), "OTHER"), test.where(~test.isin(rare), "OTHER")
