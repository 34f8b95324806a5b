import math


def ndcg_at_k(rels_in_ranked_order, k):
    # Plain Python loops over positions, math.log2 for the discounts.
    rels = [float(r) for r in rels_in_ranked_order]
    if len(rels) == 0 or any(not math.isfinite(r) or r < 0 for r in rels):
        raise ValueError("bad relevances")
    if int(k) != k or k < 1:
        raise ValueError("bad k")
    k = int(k)

    def dcg(values):
        total = 0.0
        for pos, r in enumerate(values[:k]):
            total += (2.0 ** r - 1.0) / math.log2(pos + 2)
        return total

    ideal = dcg(sorted(rels, reverse=True))
    return dcg(rels) / ideal if ideal > 0 else 0.0
