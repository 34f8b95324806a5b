import numpy as np


class TreeClassifier:
    """CART classification tree: Gini splits at midpoints, max_depth, min_samples_split,
    majority-vote leaves (ties to the smallest label)."""

    def __init__(self, max_depth=None, min_samples_split=2):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split

    def fit(self, X: np.ndarray, y: np.ndarray) -> "TreeClassifier":
        """Grow the tree on X (n, d) and integer labels y (n,); set self.classes_; return self."""
        raise NotImplementedError

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Class proportions of the leaf each row falls into, shape (m, len(classes_)), float64."""
        raise NotImplementedError

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Majority label of each row's leaf (ties to the smallest label), shape (m,)."""
        raise NotImplementedError

    def get_depth(self) -> int:
        """Largest depth of any leaf (0 for a single leaf)."""
        raise NotImplementedError
