import numpy as np


def ndcg_at_k(rels_in_ranked_order, k):
    r = np.asarray(rels_in_ranked_order, dtype=np.float64)
    if r.size == 0 or np.any(r < 0) or k < 1:
        raise ValueError("bad input")

    def dcg(v):
        return float(np.sum((2.0 ** v - 1) / np.log2(np.arange(2, len(v) + 2))))

    actual = dcg(r[:k])
    r.sort()  # sorts the caller's array in place (np.asarray does not copy a float64 array)
    ideal = dcg(r[::-1][:k])
    return actual / ideal if ideal > 0 else 0.0
