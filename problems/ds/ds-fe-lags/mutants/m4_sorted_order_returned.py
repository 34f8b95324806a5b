def add_lags(df, entity, time, value, lags=(1, 7)):
    # Returns the rows in (entity, time) order instead of the original order.
    for k in lags:
        if k < 1:
            raise ValueError("every lag must be a positive int")
    out = df.sort_values([entity, time]).copy()
    for k in lags:
        out[f"lag_{k}"] = out.groupby(entity)[value].shift(k).astype("float64")
    return out
