import itertools

import numpy as np
import pytest
from scipy.stats import chi2

from grader.checklib import assert_array

# Four points on a line in 2-D (gaps 1, 2 and 7): the D^2 rule, the D rule, "farthest point" and
# "distance to the last centroid only" give clearly different distributions of the picks.
_LINE = np.array([[0.0, 0.0], [0.6, 0.8], [1.8, 2.4], [6.0, 8.0]])
_ALPHA = 1e-8  # per look; a correct solution fails with probability below ~1e-6 (simulated)


def _rng(learner, seed):
    """A fresh np.random.Generator living in the sandbox (passed to the learner as a handle)."""
    return learner.invoke("numpy.random.default_rng", seed)


def _call(fn, X, k, rng):
    out = fn(X, k, rng)
    assert type(out) is np.ndarray, f"kmeanspp_init should return a numpy array, got {type(out).__name__}"
    assert out.shape == (k, X.shape[1]) and out.dtype == np.float64, \
        f"expected a float64 array of shape {(k, X.shape[1])}, got {out.dtype} {out.shape}"
    return out


def _indices(out, X):
    """Row index in X of every returned centroid (X has distinct rows)."""
    idx = []
    for row in out:
        hits = np.flatnonzero(np.all(X == row, axis=1))
        assert len(hits) == 1, "every returned centroid should be an exact copy of a row of X"
        idx.append(int(hits[0]))
    return tuple(idx)


def _sequence_probs(X, k):
    """Exact probability of every ordered sequence of k picks under the D^2 rule."""
    n = len(X)
    d2 = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
    probs = {}
    for seq in itertools.permutations(range(n), k):
        p = 1.0 / n
        for t in range(1, k):
            w = d2[list(seq[:t])].min(axis=0)
            p *= w[seq[t]] / w.sum()
        probs[seq] = p
    return probs


def _chi_square(counts, p, n_draws):
    """Pearson statistic and df, pooling cells with expected count < 5 (the pool itself >= 5)."""
    e = p * n_draws
    groups, pool, acc = [], [], 0.0
    for i in np.argsort(p):
        if e[i] < 5.0 or (pool and acc < 5.0):
            pool.append(i)
            acc += e[i]
        else:
            groups.append([i])
    if pool:
        groups.append(pool)
    obs = np.array([counts[g].sum() for g in groups], dtype=float)
    exp = np.array([e[g].sum() for g in groups])
    return float(((obs - exp) ** 2 / exp).sum()), len(groups) - 1


def test_returns_distinct_rows_of_X(learner):
    """The result is a float64 (k, d) array whose rows are k different rows of X."""
    X = np.random.default_rng(0).normal(size=(30, 3))
    out = _call(learner.kmeanspp_init, X, 5, _rng(learner, 0))
    idx = _indices(out, X)
    assert len(set(idx)) == 5, "the same point was chosen twice although all points are distinct"


def test_d2_selection_frequencies(learner):
    """Over 300 draws (k=3 of 4 points) the picked sequences match the D^2 probabilities (chi-square)."""
    keys = list(_sequence_probs(_LINE, 3).items())
    p = np.array([v for _, v in keys])
    pos = {s: i for i, (s, _) in enumerate(keys)}
    counts = np.zeros(len(keys))
    g = _rng(learner, 2024)
    for n_draws in (100, 300):  # a clear failure is reported after 100 draws already
        while counts.sum() < n_draws:
            seq = _indices(_call(learner.kmeanspp_init, _LINE, 3, g), _LINE)
            assert seq in pos, "a point was chosen twice although all points are distinct"
            counts[pos[seq]] += 1
        stat, df = _chi_square(counts, p, n_draws)
        assert stat <= chi2.isf(_ALPHA, df), (
            f"after {n_draws} draws the sequences of chosen points do not follow the D^2 rule "
            f"(chi-square {stat:.1f} with {df} degrees of freedom)")


def test_duplicates_never_chosen(learner):
    """With 3 distinct points each repeated 4 times and k=3, the 3 centroids are always distinct (20 draws)."""
    base = np.array([[0.0, 0.0], [1.0, 5.0], [4.0, -2.0]])
    X = np.repeat(base, 4, axis=0)
    g = _rng(learner, 100)
    for _ in range(20):
        out = _call(learner.kmeanspp_init, X, 3, g)
        assert len({tuple(r) for r in out}) == 3, \
            "a copy of an already chosen point was chosen (its D^2 weight is 0)"


def test_same_seed_same_result(learner):
    """Two generators with the same seed give the same centroids; other seeds give other centroids."""
    X = np.random.default_rng(1).normal(size=(50, 2))
    a = _call(learner.kmeanspp_init, X, 6, _rng(learner, 7))
    b = _call(learner.kmeanspp_init, X, 6, _rng(learner, 7))
    assert_array(b, a, rtol=0, atol=0, what="second result with the same seed")
    others = [_call(learner.kmeanspp_init, X, 6, _rng(learner, s)) for s in (8, 9, 10)]
    assert any(not np.array_equal(a, o) for o in others), \
        "seeds 7, 8, 9 and 10 all gave the same centroids: is the randomness taken from rng?"
    g = _rng(learner, 11)
    first = _call(learner.kmeanspp_init, X, 6, g)
    second = _call(learner.kmeanspp_init, X, 6, g)
    assert not np.array_equal(first, second), "two calls with the same generator object gave the same result"


def test_k_equals_n_uses_every_point(learner):
    """k = n returns every row of X exactly once."""
    X = np.random.default_rng(2).normal(size=(7, 2))
    idx = _indices(_call(learner.kmeanspp_init, X, 7, _rng(learner, 3)), X)
    assert sorted(idx) == list(range(7)), "with k = n every point should be chosen exactly once"


def test_k_one_single_row(learner):
    """k = 1 returns one row of X (shape (1, d))."""
    X = np.random.default_rng(3).normal(size=(9, 4))
    _indices(_call(learner.kmeanspp_init, X, 1, _rng(learner, 4)), X)


def test_all_points_identical_no_warning(learner):
    """All points equal and k=3: three copies of that point, without division-by-zero warnings."""
    X = np.full((5, 2), 3.5)
    out = _call(learner.fn("kmeanspp_init", warnings="error"), X, 3, _rng(learner, 5))
    assert_array(out, np.full((3, 2), 3.5), what="centroids")


def test_fewer_distinct_points_than_k(learner):
    """2 distinct points (each repeated) and k=4: both appear first, then copies; no warnings."""
    X = np.array([[0.0, 0.0], [0.0, 0.0], [2.0, 1.0], [2.0, 1.0], [2.0, 1.0]])
    fn, g = learner.fn("kmeanspp_init", warnings="error"), _rng(learner, 50)
    for _ in range(5):
        out = _call(fn, X, 4, g)
        assert len({tuple(r) for r in out[:2]}) == 2, "the first two centroids should be the two distinct points"
        assert all(any(np.array_equal(r, x) for x in X) for r in out), "every centroid should be a row of X"


def test_invalid_k_raises(learner):
    """k = 0 and k > n raise ValueError."""
    X = np.random.default_rng(4).normal(size=(4, 2))
    for k in (0, 5):
        with pytest.raises(ValueError):
            learner.kmeanspp_init(X, k, _rng(learner, 6))


def test_input_not_modified(learner):
    """X is left unchanged."""
    X = np.random.default_rng(5).normal(size=(12, 3))
    _, after = learner.kmeanspp_init.call_keep_args(X, 4, _rng(learner, 7))
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
