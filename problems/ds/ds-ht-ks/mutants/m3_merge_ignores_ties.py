def ks_stat(a, b):
    # Steps through the merged order one element at a time, comparing before a tie is finished.
    xs = sorted(float(v) for v in a)
    ys = sorted(float(v) for v in b)
    n, m = len(xs), len(ys)
    if n == 0 or m == 0:
        raise ValueError("both samples must be non-empty")
    i = j = 0
    best = 0.0
    while i < n or j < m:
        if j >= m or (i < n and xs[i] <= ys[j]):
            i += 1
        else:
            j += 1
        best = max(best, abs(i / n - j / m))
    return best
