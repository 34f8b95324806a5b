# breaks: finite-relevances (a negative or non-finite relevance raises ValueError)
import numpy as np


def _dcg(rels):
    ranks = np.arange(1, len(rels) + 1)
    return float(np.sum((2.0 ** rels - 1.0) / np.log2(ranks + 1.0)))


def ndcg_at_k(rels_in_ranked_order, k):
    # Rejects negative relevances only: NaN < 0 is False, and +inf is not negative.
    rels = np.asarray(rels_in_ranked_order, dtype=np.float64)
    if rels.ndim != 1 or rels.size == 0:
        raise ValueError("relevances must be a non-empty 1-D array")
    if np.any(rels < 0):
        raise ValueError("relevances must be non-negative")
    if k < 1:
        raise ValueError("k must be >= 1")
    ideal = _dcg(np.sort(rels)[::-1][:k])
    if ideal == 0.0:
        return 0.0
    return _dcg(rels[:k]) / ideal
