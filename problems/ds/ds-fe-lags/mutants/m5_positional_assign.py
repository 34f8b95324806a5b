def add_lags(df, entity, time, value, lags=(1, 7)):
    # Computes lags on the sorted frame but writes them back by position, not by index label.
    for k in lags:
        if k < 1:
            raise ValueError("every lag must be a positive int")
    out = df.copy()
    order = df.sort_values([entity, time])
    for k in lags:
        out[f"lag_{k}"] = order.groupby(entity)[value].shift(k).astype("float64").to_numpy()
    return out
