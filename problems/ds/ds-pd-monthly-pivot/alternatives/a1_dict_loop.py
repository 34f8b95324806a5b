import pandas as pd


def monthly_revenue(df):
    # Plain Python: accumulate sums in a dict keyed by (month, category), then build the frame.
    if len(df) == 0:
        raise ValueError("empty")
    sums = {}
    for d, c, r in zip(df["date"].tolist(), df["category"].tolist(), df["revenue"].tolist()):
        key = (d[:7], c)
        sums[key] = sums.get(key, 0.0) + float(r)
    months = sorted({m for m, _ in sums})
    cats = sorted({c for _, c in sums})
    data = {c: [sums.get((m, c), 0.0) for m in months] for c in cats}
    out = pd.DataFrame(data, index=pd.Index(months, name="month", dtype="str"), dtype="float64")
    out.columns = pd.Index(cats, name="category", dtype="str")
    return out
