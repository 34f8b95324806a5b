import numpy as np
import pytest
from sklearn.metrics import silhouette_score

from grader.checklib import assert_array, assert_scalar


def _blobs(seed, k, n_per, d=2, spread=1.0):
    rng = np.random.default_rng(seed)
    centers = rng.uniform(-5, 5, size=(k, d))
    X = np.vstack([c + spread * rng.normal(size=(n_per, d)) for c in centers])
    labels = np.repeat(np.arange(k), n_per)
    perm = rng.permutation(len(X))
    return X[perm], labels[perm]


def _run(fn, X, labels):
    out = fn(X, labels)
    assert isinstance(out, (float, np.floating)), f"silhouette should return a float, got {type(out).__name__}"
    return out


def test_worked_example(learner):
    """The worked example from the statement (three clusters, one of them a singleton)."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [4.0, 0.0], [4.0, 1.0], [10.0, 0.0]])
    labels = np.array([0, 0, 1, 1, 2])
    assert_scalar(_run(learner.silhouette, X, labels), 0.6030309990117432)


def test_matches_sklearn_three_clusters(learner):
    """Three overlapping blobs in 2-D (120 points) match sklearn's silhouette_score."""
    X, labels = _blobs(0, 3, 40, spread=2.0)
    assert_scalar(_run(learner.silhouette, X, labels), silhouette_score(X, labels))


def test_matches_sklearn_many_clusters(learner):
    """Six clusters of unequal sizes in 4-D, labels arbitrary integers, match sklearn."""
    rng = np.random.default_rng(1)
    X = rng.normal(size=(150, 4)) * 2
    labels = rng.choice(np.array([-3, 7, 42, 0, 5, 11]), size=150, p=[0.3, 0.25, 0.2, 0.1, 0.1, 0.05])
    assert_scalar(_run(learner.silhouette, X, labels), silhouette_score(X, labels))


def test_two_clusters_only(learner):
    """Two clusters (well separated, then random labels) match sklearn."""
    X, labels = _blobs(2, 2, 30, d=3)
    assert_scalar(_run(learner.silhouette, X, labels), silhouette_score(X, labels), what="separated clusters")
    rng = np.random.default_rng(3)
    lab2 = rng.integers(0, 2, size=len(X))
    assert_scalar(_run(learner.silhouette, X, lab2), silhouette_score(X, lab2), what="random labels")


def test_singleton_cluster_scores_zero(learner):
    """A point alone in its cluster contributes 0 (sklearn agrees); the rest is averaged over all n."""
    X, labels = _blobs(4, 3, 15)
    X = np.vstack([X, [[30.0, 30.0]]])
    labels = np.append(labels, 9)
    assert_scalar(_run(learner.silhouette, X, labels), silhouette_score(X, labels))


def test_mostly_singletons(learner):
    """Several singleton clusters among 3 small clusters match sklearn."""
    rng = np.random.default_rng(5)
    X = rng.normal(size=(14, 2))
    labels = np.array([0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 7])
    assert_scalar(_run(learner.silhouette, X, labels), silhouette_score(X, labels))


def test_coincident_points_no_warning(learner):
    """When a = b = 0 (all points identical) the score is 0, without division warnings."""
    X = np.zeros((4, 2))
    labels = np.array([0, 0, 1, 1])
    assert_scalar(_run(learner.fn("silhouette", warnings="error"), X, labels), 0.0)
    X2 = np.array([[0.0], [0.0], [0.0], [3.0], [3.0]])
    lab2 = np.array([0, 0, 1, 1, 1])
    assert_scalar(_run(learner.fn("silhouette", warnings="error"), X2, lab2), silhouette_score(X2, lab2),
                  what="duplicated points")


def test_coincident_non_dyadic_points(learner, reference):
    """Coincident points of non-dyadic values (e.g. -2.8, 0.7) spanning two clusters are at distance exactly 0: score 0."""
    cases = [([-2.8, -1.4, 0.7, -3.0, -0.6, -0.5, 1.6, 0.6], [0, 1, 0, 1]),
             ([-3.8, -3.5, -5.3, -2.9], [0, 1, 1, 0, 1, 1]),
             ([-0.1, 3.2, -2.8, 2.4], [0, 1, 0, 1, 1, 1, 0]),
             ([-1.1, -2.5, -2.9, 0.4, -1.9, -2.3, 2.4], [0, 1, 1, 0, 1]),
             ([-1.6, 2.2, 3.2, 2.3, 6.0, 3.2], [0, 1, 0, 1]),
             ([0.1, 0.7, 1.3], [0, 0, 1, 1, 1])]
    f = learner.fn("silhouette", warnings="error")
    for point, labels in cases:
        X = np.tile(np.array(point), (len(labels), 1))
        assert_scalar(_run(f, X, np.array(labels)), 0.0,
                      what=f"silhouette of {len(labels)} copies of a {len(point)}-D point in two clusters")
    rng = np.random.default_rng(8)
    P = np.array(cases[0][0])
    X = np.vstack([np.tile(P, (6, 1)), P + rng.normal(scale=0.3, size=(4, 8))])
    labels = np.array([0, 0, 0, 1, 1, 1, 0, 1, 2, 2])
    assert_scalar(_run(f, X, labels), reference.silhouette(X, labels),
                  what="silhouette with a block of coincident points spanning two clusters among other points")


def test_invalid_cluster_count_raises(learner):
    """A single cluster, or as many clusters as points, raises ValueError."""
    X = np.random.default_rng(6).normal(size=(5, 2))
    with pytest.raises(ValueError):
        learner.silhouette(X, np.zeros(5, dtype=np.int64))
    with pytest.raises(ValueError):
        learner.silhouette(X, np.arange(5))


def test_inputs_not_modified(learner):
    """X and labels are left unchanged (rule G1)."""
    X, labels = _blobs(7, 3, 10)
    _, after = learner.silhouette.call_keep_args(X, labels)
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
    assert_array(after[1], labels, what="your labels after the call")
