import numpy as np


def ndcg_at_k(rels_in_ranked_order: np.ndarray, k: int) -> float:
    """NDCG@k with gain 2**rel - 1 and discount log2(rank + 1), ranks from 1.

    Returns 0.0 when the ideal DCG is 0. Raises ValueError for an empty list, a negative relevance or k < 1.
    """
    raise NotImplementedError
