import math


def silhouette(X, labels):
    # One point at a time, with plain Python lists and loops.
    pts = [[float(v) for v in row] for row in X]
    labs = [lab.item() if hasattr(lab, "item") else lab for lab in labels]
    n = len(pts)
    clusters = {}
    for i, lab in enumerate(labs):
        clusters.setdefault(lab, []).append(i)
    if not 2 <= len(clusters) <= n - 1:
        raise ValueError("need 2 <= number of clusters <= n - 1")

    def dist(i, j):
        return math.sqrt(sum((x - y) ** 2 for x, y in zip(pts[i], pts[j])))

    total = 0.0
    for i in range(n):
        own = clusters[labs[i]]
        if len(own) == 1:
            continue  # singleton: s = 0
        a = sum(dist(i, j) for j in own if j != i) / (len(own) - 1)
        b = min(sum(dist(i, j) for j in members) / len(members)
                for lab, members in clusters.items() if lab != labs[i])
        m = max(a, b)
        total += (b - a) / m if m > 0 else 0.0
    return total / n
