def managers_with_reports(emp, k):
    # Wrong: names in table order instead of sorted.
    if k < 1:
        raise ValueError("k must be at least 1")
    counts = emp["manager_id"].dropna().value_counts()
    qualifying = counts.index[counts.to_numpy() >= k]
    return emp.loc[emp["id"].isin(qualifying), "name"].tolist()
