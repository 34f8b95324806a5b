import numpy as np


def ndcg_at_k(rels_in_ranked_order, k):
    rels = np.asarray(rels_in_ranked_order, dtype=np.float64)
    if rels.size == 0 or np.any(rels < 0) or k < 1:
        raise ValueError("bad input")

    def dcg(r):
        r = r[:k]
        return float(np.sum(r / np.log2(np.arange(2, len(r) + 2))))  # linear gain rel instead of 2^rel - 1

    ideal = dcg(np.sort(rels)[::-1])
    return dcg(rels) / ideal if ideal > 0 else 0.0
