import pandas as pd


def managers_with_reports(emp: pd.DataFrame, k: int) -> list[str]:
    """Sorted names of the employees who are the manager of at least k rows of `emp`."""
    if k < 1:
        raise ValueError("k must be at least 1")
    counts = emp["manager_id"].dropna().value_counts()
    qualifying = counts.index[counts.to_numpy() >= k]
    names = emp.loc[emp["id"].isin(qualifying), "name"]
    return sorted(names.tolist())
