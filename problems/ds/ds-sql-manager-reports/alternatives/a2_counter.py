import math
from collections import Counter


def managers_with_reports(emp, k):
    # Plain Python: count manager ids with a Counter, then look up the names by id.
    if k < 1:
        raise ValueError("k must be at least 1")
    counts = Counter()
    for m in emp["manager_id"].tolist():
        if m is None or (isinstance(m, float) and math.isnan(m)):
            continue
        counts[int(m)] += 1
    out = []
    for i, name in zip(emp["id"].tolist(), emp["name"].tolist()):
        if counts.get(int(i), 0) >= k:
            out.append(name)
    out.sort()
    return out
