def dense_rank_desc(s):
    # Returns the ranks in rank order instead of at each element's position.
    return s.rank(method="dense", ascending=False).astype("int64").sort_values(kind="stable")
