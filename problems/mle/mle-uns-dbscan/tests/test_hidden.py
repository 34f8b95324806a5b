import numpy as np
import pytest
from sklearn.cluster import DBSCAN

from grader.checklib import assert_array


def _run(fn, X, eps, min_samples):
    out = fn(X, eps, min_samples)
    assert type(out) is np.ndarray and out.shape == (len(X),) and out.dtype == np.int64, \
        f"dbscan should return an int64 array of shape ({len(X)},)"
    return out


def _blobs(seed, d=2):
    rng = np.random.default_rng(seed)
    parts = [rng.normal(size=(int(rng.integers(15, 50)), d)) * rng.uniform(0.3, 0.8) + rng.uniform(-6, 6, d)
             for _ in range(4)]
    X = np.vstack(parts + [rng.uniform(-8, 8, (25, d))])
    rng.shuffle(X)
    return X


def _check_vs_sklearn(labels, X, eps, min_samples):
    """Noise and core points exact, core clusters equal up to relabelling, border points next to their cluster."""
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    assert np.min(np.abs(dist - eps)) > 1e-9, "test data problem: a pair distance equals eps"
    sk = DBSCAN(eps=eps, min_samples=min_samples).fit(X)
    core = np.zeros(len(X), dtype=bool)
    core[sk.core_sample_indices_] = True
    noise = sk.labels_ == -1
    assert np.array_equal(labels == -1, noise), \
        f"{int(np.sum((labels == -1) != noise))} points differ in being noise (-1) or not"
    mapping = {}
    for i in np.flatnonzero(core):
        mapping.setdefault(int(sk.labels_[i]), set()).add(int(labels[i]))
    assert all(len(v) == 1 for v in mapping.values()), "core points of one cluster got different labels"
    targets = [next(iter(v)) for v in mapping.values()]
    assert len(set(targets)) == len(targets), "core points of different clusters got the same label"
    for i in np.flatnonzero(~core & ~noise):
        near = {int(labels[j]) for j in np.flatnonzero(core & (dist[i] <= eps))}
        assert int(labels[i]) in near, f"border point {i} has a label of no cluster with a core point within eps"


def test_worked_example(learner):
    """The worked example from the statement (two clusters, one border point, one noise point)."""
    X = np.array([[0, 0], [1, 0], [5, 5], [0, 1], [1, 1], [2.2, 1], [6, 0], [7, 0], [6.5, 1]], dtype=float)
    assert_array(_run(learner.dbscan, X, 1.5, 3), np.array([0, 0, -1, 0, 0, 0, 1, 1, 1]))


def test_matches_sklearn_blobs(learner):
    """Four blobs plus uniform noise in 2-D match sklearn DBSCAN (core and noise exact, up to relabelling)."""
    for seed, (eps, ms) in enumerate([(0.6, 4), (0.9, 6), (0.45, 3)]):
        X = _blobs(seed)
        _check_vs_sklearn(_run(learner.dbscan, X, eps, ms), X, eps, ms)


def test_matches_sklearn_5d(learner):
    """Blobs in 5-D match sklearn DBSCAN (up to relabelling)."""
    X = _blobs(10, d=5)
    _check_vs_sklearn(_run(learner.dbscan, X, 1.3, 5), X, 1.3, 5)


def test_point_counts_itself(learner):
    """A point with min_samples - 1 other neighbours is a core point (the point itself counts)."""
    X = np.array([[0.0, 0.0], [0.5, 0.0], [0.0, 0.5], [10.0, 10.0]])
    assert_array(_run(learner.dbscan, X, 0.8, 3), np.array([0, 0, 0, -1]), what="labels (min_samples=3)")


def test_border_points_join_cluster(learner):
    """A non-core point within eps of a core point joins that cluster instead of being noise."""
    X = np.array([[0.0], [0.4], [0.8], [1.5], [3.0]])
    # 0.0, 0.4, 0.8 are core (3 neighbours each with eps 0.8); 1.5 is a border point of 0.8; 3.0 is noise
    assert_array(_run(learner.dbscan, X, 0.8, 3), np.array([0, 0, 0, 0, -1]), what="labels")


def test_border_points_do_not_expand(learner):
    """A border point does not chain its own neighbours into the cluster."""
    X = np.array([[0.0], [0.3], [0.6], [0.9], [1.8], [2.7], [3.5]])
    # eps 1.0, min_samples 4: 0.0-0.9 are core; 1.8 is a border point; 2.7 is a neighbour of 1.8 only
    assert_array(_run(learner.dbscan, X, 1.0, 4), np.array([0, 0, 0, 0, 0, -1, -1]), what="labels")


def test_distance_exactly_eps_is_neighbour(learner):
    """Neighbours at distance exactly eps count ((0,0)-(3,4) at eps = 5)."""
    X = np.array([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0], [20.0, 20.0]])
    assert_array(_run(learner.dbscan, X, 5.0, 2), np.array([0, 0, 0, -1]), what="labels (eps=5, min_samples=2)")


def test_cluster_numbering_and_shared_border(learner):
    """Clusters are numbered in the order found scanning by index; a shared border point takes the first."""
    X = np.array([[2.05], [3.2], [3.5], [3.8], [4.1], [0.0], [0.3], [0.6], [0.9], [8.0]])
    # index 0 is a border point of both clusters; cluster 0 is found at index 1, cluster 1 at index 5
    assert_array(_run(learner.dbscan, X, 1.2, 4), np.array([0, 0, 0, 0, 0, 1, 1, 1, 1, -1]), what="labels")


def test_min_samples_one_and_all_noise(learner):
    """min_samples = 1 makes every point core (no noise); a tiny eps with min_samples = 2 makes all noise."""
    X = np.array([[0.0, 0.0], [0.3, 0.0], [5.0, 5.0], [9.0, 0.0], [9.0, 0.2]])
    assert_array(_run(learner.dbscan, X, 0.5, 1), np.array([0, 0, 1, 2, 2]), what="labels (min_samples=1)")
    assert_array(_run(learner.dbscan, X, 0.1, 2), np.full(5, -1), what="labels (eps=0.1, min_samples=2)")


def test_duplicate_points(learner):
    """Identical points are neighbours of each other (distance 0): three copies with min_samples 3 form a cluster."""
    X = np.array([[1.0, 1.0], [4.0, 4.0], [1.0, 1.0], [1.0, 1.0], [4.0, 4.0]])
    assert_array(_run(learner.dbscan, X, 0.1, 3), np.array([0, -1, 0, 0, -1]), what="labels")


def test_invalid_parameters_raise(learner):
    """eps <= 0 or min_samples < 1 raises ValueError."""
    X = np.array([[0.0, 0.0], [1.0, 1.0]])
    for eps, ms in ((0.0, 2), (-1.0, 2), (1.0, 0)):
        with pytest.raises(ValueError):
            learner.dbscan(X, eps, ms)


def test_input_not_modified(learner):
    """X is left unchanged."""
    X = _blobs(20)
    _, after = learner.dbscan.call_keep_args(X, 0.7, 4)
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
