def dense_rank_desc(s):
    return s.rank(method="dense", ascending=False)
