import pandas as pd


def bucket_rare(train: pd.Series, test: pd.Series, min_count: int) -> tuple[pd.Series, pd.Series]:
    """Keep train categories seen at least min_count times in train; every other value becomes "OTHER"."""
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = train.value_counts(dropna=True)
    keep = set(counts.index[counts >= min_count])

    def apply(s: pd.Series) -> pd.Series:
        mask = s.isna() | s.isin(keep)
        return s.where(mask, "OTHER").astype("str")

    return apply(train), apply(test)
