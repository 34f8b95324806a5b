import numpy as np


def _fit_tree(X, r, depth, max_depth):
    """Least-squares regression tree as nested tuples: ('leaf', value) or ('split', j, t, left, right)."""
    n, d = X.shape
    value = float(r.mean())
    if depth >= max_depth or n < 2 or np.all(r == r[0]):
        return ("leaf", value)
    best = None  # (sse, j, t)
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs, rs = X[order, j], r[order]
        cs, cs2 = np.cumsum(rs), np.cumsum(rs * rs)
        k = np.arange(1, n)                      # size of the left part
        valid = xs[1:] > xs[:-1]
        if not np.any(valid):
            continue
        sl, sl2 = cs[:-1], cs2[:-1]
        sr, sr2 = cs[-1] - sl, cs2[-1] - sl2
        sse = (sl2 - sl ** 2 / k) + (sr2 - sr ** 2 / (n - k))
        sse = np.where(valid, sse, np.inf)
        i = int(np.argmin(sse))
        if best is None or sse[i] < best[0]:
            best = (sse[i], j, (xs[i] + xs[i + 1]) / 2.0)
    if best is None:
        return ("leaf", value)
    _, j, t = best
    go_left = X[:, j] <= t
    return ("split", j, t, _fit_tree(X[go_left], r[go_left], depth + 1, max_depth),
            _fit_tree(X[~go_left], r[~go_left], depth + 1, max_depth))


def _predict(node, X):
    if node[0] == "leaf":
        return np.full(X.shape[0], node[1])
    _, j, t, left, right = node
    out = np.empty(X.shape[0])
    m = X[:, j] <= t
    out[m] = _predict(left, X[m])
    out[~m] = _predict(right, X[~m])
    return out


def gbm_fit_predict(X, y, X_test, n_estimators, lr, max_depth=1):
    # From scratch: own regression tree (best split by summed squared error of the two sides).
    y = y.astype(np.float64)
    f = np.full(len(y), y.mean())
    out = np.full(len(X_test), y.mean())
    for _ in range(n_estimators):
        tree = _fit_tree(X, y - f, 0, max_depth)
        f = f + lr * _predict(tree, X)
        out = out + lr * _predict(tree, X_test)
    return out
