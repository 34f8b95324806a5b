import pandas as pd


def tag_counts(s):
    # Empty pieces from trailing commas are counted as a tag "".
    tags = s.dropna().str.split(",").explode().str.strip().str.lower()
    counts = tags.value_counts()
    order = sorted(zip(counts.index, counts.to_numpy()), key=lambda kv: (-kv[1], kv[0]))
    return pd.Series([c for _, c in order], index=pd.Index([t for t, _ in order], dtype="str", name="tag"),
                     dtype="int64", name="count")
