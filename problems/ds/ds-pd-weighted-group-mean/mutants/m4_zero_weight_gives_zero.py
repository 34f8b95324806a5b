# breaks: zero-weight-nan
def weighted_mean(df, group, value, weight):
    if len(df) == 0:
        raise ValueError("df has no rows")
    ok = df[value].notna() & df[weight].notna()
    tmp = df.assign(_vw=(df[value] * df[weight]).where(ok, 0.0), _w=df[weight].where(ok, 0.0))
    s = tmp.groupby(group)[["_vw", "_w"]].sum()
    out = (s["_vw"] / s["_w"]).fillna(0.0).astype("float64")
    out.name = value
    return out
