def managers_with_reports(emp, k):
    # Wrong: uses > k instead of >= k.
    if k < 1:
        raise ValueError("k must be at least 1")
    counts = emp["manager_id"].dropna().value_counts()
    qualifying = counts.index[counts.to_numpy() > k]
    return sorted(emp.loc[emp["id"].isin(qualifying), "name"].tolist())
