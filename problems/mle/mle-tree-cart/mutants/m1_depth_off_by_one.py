# MUTANT: the depth test is off by one, so trees grow one level deeper than max_depth
from typing import Optional

import numpy as np

TOL = 1e-12


class TreeClassifier:
    """CART classifier: Gini splits, max_depth, min_samples_split, majority leaves (ties to smallest label)."""

    def __init__(self, max_depth: Optional[int] = None, min_samples_split: int = 2):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    # ---- fitting -------------------------------------------------------------------------------
    def fit(self, X: np.ndarray, y: np.ndarray) -> "TreeClassifier":
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.shape[0] == 0:
            raise ValueError("X must be (n, d) and y (n,) with n >= 1")
        self.classes_, codes = np.unique(y, return_inverse=True)
        self._k = self.classes_.size
        self._nodes = []          # each node: dict(feature, threshold, left, right, proba, depth)
        self._grow(X, codes, depth=0)
        return self

    def _leaf(self, codes: np.ndarray, depth: int) -> int:
        counts = np.bincount(codes, minlength=self._k).astype(np.float64)
        self._nodes.append({"feature": -1, "proba": counts / counts.sum(), "depth": depth})
        return len(self._nodes) - 1

    def _best_split(self, X: np.ndarray, codes: np.ndarray):
        n, d = X.shape
        onehot = np.eye(self._k)[codes]
        total = onehot.sum(axis=0)
        parent = 1.0 - np.sum((total / n) ** 2)
        best = None   # (gain, feature, threshold)
        for j in range(d):
            order = np.argsort(X[:, j], kind="stable")
            xs = X[order, j]
            valid = xs[1:] > xs[:-1]
            if not np.any(valid):
                continue
            left = np.cumsum(onehot[order], axis=0)[:-1][valid]
            right = total - left
            nl = left.sum(axis=1)
            nr = right.sum(axis=1)
            gains = parent - (nl / n) * (1.0 - np.sum((left / nl[:, None]) ** 2, axis=1)) \
                - (nr / n) * (1.0 - np.sum((right / nr[:, None]) ** 2, axis=1))
            i = int(np.flatnonzero(gains >= gains.max() - TOL)[0])
            if best is None or gains[i] > best[0] + TOL:
                best = (float(gains[i]), j, float((xs[:-1][valid][i] + xs[1:][valid][i]) / 2.0))
        return best

    def _grow(self, X: np.ndarray, codes: np.ndarray, depth: int) -> int:
        n = codes.size
        if (self.max_depth is not None and depth > self.max_depth) or n < self.min_samples_split \
                or np.all(codes == codes[0]):
            return self._leaf(codes, depth)
        best = self._best_split(X, codes)
        if best is None or best[0] <= TOL:
            return self._leaf(codes, depth)
        _, j, t = best
        idx = len(self._nodes)
        self._nodes.append({"feature": j, "threshold": t, "depth": depth})
        go_left = X[:, j] <= t
        self._nodes[idx]["left"] = self._grow(X[go_left], codes[go_left], depth + 1)
        self._nodes[idx]["right"] = self._grow(X[~go_left], codes[~go_left], depth + 1)
        return idx

    # ---- prediction ----------------------------------------------------------------------------
    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        out = np.empty((X.shape[0], self._k))
        for r in range(X.shape[0]):
            node = self._nodes[0]
            while node["feature"] >= 0:
                node = self._nodes[node["left"] if X[r, node["feature"]] <= node["threshold"] else node["right"]]
            out[r] = node["proba"]
        return out

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]   # argmax: first (smallest) label on ties

    def get_depth(self) -> int:
        return max(node["depth"] for node in self._nodes)
