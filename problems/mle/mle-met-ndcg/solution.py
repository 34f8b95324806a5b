import numpy as np


def _dcg(rels: np.ndarray) -> float:
    ranks = np.arange(1, len(rels) + 1)
    return float(np.sum((2.0 ** rels - 1.0) / np.log2(ranks + 1.0)))


def ndcg_at_k(rels_in_ranked_order: np.ndarray, k: int) -> float:
    """NDCG@k with gain 2^rel - 1 and discount log2(rank + 1); 0.0 when the ideal DCG is 0."""
    rels = np.asarray(rels_in_ranked_order, dtype=np.float64)
    if rels.ndim != 1 or rels.size == 0:
        raise ValueError("relevances must be a non-empty 1-D array")
    if not np.all(np.isfinite(rels)) or np.any(rels < 0):
        raise ValueError("relevances must be finite and non-negative")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError("k must be an integer >= 1")
    ideal = _dcg(np.sort(rels)[::-1][:k])
    if ideal == 0.0:
        return 0.0
    return _dcg(rels[:k]) / ideal
