def best_split(x, y):
    # Brute force in plain Python: try every midpoint, recount both sides each time.
    xs = [float(v) for v in x.tolist()]
    ys = list(y.tolist())
    n = len(xs)

    def gini(labels):
        if not labels:
            return 0.0
        counts = {}
        for lab in labels:
            counts[lab] = counts.get(lab, 0) + 1
        return 1.0 - sum((c / len(labels)) ** 2 for c in counts.values())

    distinct = sorted(set(xs))
    parent = gini(ys)
    candidates = []
    for a, b in zip(distinct[:-1], distinct[1:]):
        t = (a + b) / 2.0
        left = [lab for v, lab in zip(xs, ys) if v <= t]
        right = [lab for v, lab in zip(xs, ys) if v > t]
        candidates.append((t, parent - len(left) / n * gini(left) - len(right) / n * gini(right)))
    if not candidates:
        return None, 0.0
    top = max(g for _, g in candidates)
    if top <= 1e-12:
        return None, 0.0
    for t, g in candidates:           # increasing thresholds: the first near-best one wins
        if g >= top - 1e-12:
            return t, g
