def ks_stat(a, b):
    # Two-pointer sweep over the sorted samples; all copies of a value are consumed before comparing.
    xs = sorted(float(v) for v in a)
    ys = sorted(float(v) for v in b)
    n, m = len(xs), len(ys)
    if n == 0 or m == 0:
        raise ValueError("both samples must be non-empty")
    i = j = 0
    best = 0.0
    while i < n or j < m:
        if j >= m or (i < n and xs[i] <= ys[j]):
            t = xs[i]
        else:
            t = ys[j]
        while i < n and xs[i] == t:
            i += 1
        while j < m and ys[j] == t:
            j += 1
        best = max(best, abs(i / n - j / m))
    return best
