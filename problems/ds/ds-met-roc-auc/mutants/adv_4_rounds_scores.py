# breaks: any-real-scores
# adversary A4 (from the statement alone): scores rounded to 9 decimals before ranking, so tiny differences become ties
import numpy as np


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if y.ndim != 1 or s.ndim != 1 or y.shape[0] != s.shape[0]:
        raise ValueError("inputs must be 1-D of the same length")
    pos = (y == 1)
    n_pos = int(np.count_nonzero(pos))
    n_neg = int(y.shape[0] - n_pos)
    if n_pos == 0 or n_neg == 0:
        raise ValueError("y_true must contain both classes")
    # treat floating-point noise as ties: scores equal to 9 decimals share a rank
    s = np.round(s, 9)
    uniq, inv, counts = np.unique(s, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts).astype(np.float64)
    avg_rank = (ends - counts + 1.0 + ends) / 2.0
    ranks = avg_rank[inv.ravel()]
    u = float(np.sum(ranks[pos])) - n_pos * (n_pos + 1) / 2.0
    return float(u / (float(n_pos) * float(n_neg)))
