from collections import Counter

import pandas as pd


def bucket_rare(train, test, min_count):
    # Plain Python: Counter over the train values, then a list comprehension per split.
    if min_count < 1:
        raise ValueError("min_count must be at least 1")
    counts = Counter(v for v in train.tolist() if isinstance(v, str))
    keep = {k for k, c in counts.items() if c >= min_count}

    def apply(s):
        vals = [v if (not isinstance(v, str) or v in keep) else "OTHER" for v in s.tolist()]
        return pd.Series(vals, index=s.index, name=s.name, dtype="str")

    return apply(train), apply(test)
