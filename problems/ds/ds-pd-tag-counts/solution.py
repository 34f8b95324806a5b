import pandas as pd


def tag_counts(s: pd.Series) -> pd.Series:
    """Count normalised tags (split on ',', strip, lowercase, no empties), by count desc then tag asc."""
    tags = s.dropna().astype("str").str.split(",").explode()
    tags = tags.dropna().str.strip().str.lower()
    tags = tags[tags != ""]
    counts = pd.Series(tags.to_numpy(), dtype="str").value_counts()
    table = pd.DataFrame({"tag": counts.index.astype("str"), "count": counts.to_numpy(dtype="int64")})
    table = table.sort_values(["count", "tag"], ascending=[False, True], kind="stable")
    return pd.Series(table["count"].to_numpy(dtype="int64"), index=pd.Index(table["tag"], dtype="str", name="tag"),
                     name="count")
