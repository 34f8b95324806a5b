import numpy as np


class TreeClassifier:
    # Recursive nested-dict tree; every candidate threshold is scored with boolean masks and bincount.

    def __init__(self, max_depth=None, min_samples_split=2):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X, y):
        self.classes_ = np.unique(y)
        codes = np.searchsorted(self.classes_, y)
        self.root_ = self._build(np.asarray(X, dtype=float), codes, 0)
        return self

    def _gini(self, codes):
        if codes.size == 0:
            return 0.0
        p = np.bincount(codes, minlength=len(self.classes_)) / codes.size
        return 1.0 - float(p @ p)

    def _build(self, X, codes, depth):
        counts = np.bincount(codes, minlength=len(self.classes_))
        leaf = {"leaf": True, "proba": counts / counts.sum(), "depth": depth}
        if self.max_depth is not None and depth >= self.max_depth:
            return leaf
        if codes.size < self.min_samples_split or np.count_nonzero(counts) == 1:
            return leaf
        n = codes.size
        parent = self._gini(codes)
        scored = []  # (gain, feature, threshold) in feature order, then threshold order
        for j in range(X.shape[1]):
            values = np.unique(X[:, j])
            for a, b in zip(values[:-1], values[1:]):
                t = (a + b) / 2.0
                m = X[:, j] <= t
                nl = int(m.sum())
                gain = parent - nl / n * self._gini(codes[m]) - (n - nl) / n * self._gini(codes[~m])
                scored.append((gain, j, t))
        if not scored:
            return leaf
        top = max(s[0] for s in scored)
        if top <= 1e-12:
            return leaf
        _, j, t = next(s for s in scored if s[0] >= top - 1e-12)
        m = X[:, j] <= t
        return {"leaf": False, "feature": j, "threshold": t, "depth": depth,
                "left": self._build(X[m], codes[m], depth + 1),
                "right": self._build(X[~m], codes[~m], depth + 1)}

    def _find(self, x):
        node = self.root_
        while not node["leaf"]:
            node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
        return node

    def predict_proba(self, X):
        return np.array([self._find(x)["proba"] for x in np.asarray(X, dtype=float)], dtype=np.float64).reshape(
            len(X), len(self.classes_))

    def predict(self, X):
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    def get_depth(self):
        def deepest(node):
            return node["depth"] if node["leaf"] else max(deepest(node["left"]), deepest(node["right"]))
        return deepest(self.root_)
