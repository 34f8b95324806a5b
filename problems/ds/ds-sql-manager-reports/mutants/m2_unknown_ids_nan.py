def managers_with_reports(emp, k):
    # Wrong: looks the qualifying ids up with reindex, so unknown manager ids give NaN names.
    if k < 1:
        raise ValueError("k must be at least 1")
    counts = emp["manager_id"].dropna().value_counts()
    qualifying = counts.index[counts.to_numpy() >= k]
    names = emp.set_index(emp["id"].astype("float64"))["name"].reindex(qualifying)
    return names.sort_values().tolist()
