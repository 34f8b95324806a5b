# breaks: weighted-formula
def weighted_mean(df, group, value, weight):
    if len(df) == 0:
        raise ValueError("df has no rows")
    return df.groupby(group)[value].mean().astype("float64")
