import pandas as pd


def managers_with_reports(emp, k):
    # SQL style: JOIN employees e ON e.manager_id = m.id, GROUP BY m.id HAVING COUNT(*) >= k.
    if k < 1:
        raise ValueError("k must be at least 1")
    mgr = emp[["id", "name"]].astype({"id": "float64"})
    reports = emp[["manager_id"]].dropna().astype("float64")
    joined = mgr.merge(reports, left_on="id", right_on="manager_id", how="inner")
    sizes = joined.groupby(["id", "name"], sort=False).size()
    names = [name for (_, name), c in sizes.items() if c >= k]
    return sorted(names)
