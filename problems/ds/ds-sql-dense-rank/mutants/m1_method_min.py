def dense_rank_desc(s):
    return s.rank(method="min", ascending=False).astype("int64")
