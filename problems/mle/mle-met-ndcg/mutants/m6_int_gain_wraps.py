# breaks: exponential-gain (the gain is 2 ** rel - 1 for every allowed relevance, int dtype included)
import numpy as np


def _dcg(rels):
    ranks = np.arange(1, len(rels) + 1)
    return float(np.sum((2 ** rels - 1) / np.log2(ranks + 1.0)))


def ndcg_at_k(rels_in_ranked_order, k):
    # Keeps the input's dtype: for an int64 array, 2 ** rels wraps around for rel >= 63.
    rels = np.asarray(rels_in_ranked_order)
    if rels.ndim != 1 or rels.size == 0:
        raise ValueError("relevances must be a non-empty 1-D array")
    if not np.all(np.isfinite(rels)) or np.any(rels < 0):
        raise ValueError("relevances must be finite and non-negative")
    if k < 1:
        raise ValueError("k must be >= 1")
    ideal = _dcg(np.sort(rels)[::-1][:k])
    if ideal == 0.0:
        return 0.0
    return _dcg(rels[:k]) / ideal
