import pandas as pd


def tag_counts(s):
    # value_counts order only: equal counts stay in first-seen order, not alphabetical.
    tags = s.dropna().str.split(",").explode().str.strip().str.lower()
    tags = tags[tags != ""]
    counts = tags.value_counts()
    return pd.Series(counts.to_numpy(dtype="int64"), index=pd.Index(counts.index, dtype="str", name="tag"),
                     name="count")
