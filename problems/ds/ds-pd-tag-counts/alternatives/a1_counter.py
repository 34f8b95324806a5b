from collections import Counter

import pandas as pd


def tag_counts(s):
    # Plain Python: a Counter over cleaned pieces, then sorted by (-count, tag).
    counter = Counter()
    for text in s.tolist():
        if text is None or (isinstance(text, float) and text != text):
            continue
        for piece in text.split(","):
            tag = piece.strip().lower()
            if tag:
                counter[tag] += 1
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return pd.Series([c for _, c in items], index=pd.Index([t for t, _ in items], dtype="str", name="tag"),
                     dtype="int64", name="count")
