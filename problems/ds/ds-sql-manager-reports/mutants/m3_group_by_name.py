def managers_with_reports(emp, k):
    # Wrong: self-join then GROUP BY the manager's name, merging different managers with the same name.
    if k < 1:
        raise ValueError("k must be at least 1")
    mgr = emp[["id", "name"]].astype({"id": "float64"}).rename(columns={"name": "mgr_name"})
    joined = emp.astype({"manager_id": "float64"}).merge(mgr, left_on="manager_id", right_on="id")
    sizes = joined.groupby("mgr_name").size()
    return sorted(sizes.index[sizes.to_numpy() >= k].tolist())
