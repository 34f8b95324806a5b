import numpy as np


def ndcg_at_k(rels_in_ranked_order, k):
    rels = np.asarray(rels_in_ranked_order, dtype=np.float64)
    if rels.size == 0 or np.any(rels < 0) or k < 1:
        raise ValueError("bad input")

    def dcg(r):
        return float(np.sum((2.0 ** r - 1) / np.log2(np.arange(2, len(r) + 2))))

    top = rels[:k]
    ideal = dcg(np.sort(top)[::-1])  # ideal built from the k shown items only, not from all items
    return dcg(top) / ideal if ideal > 0 else 0.0
