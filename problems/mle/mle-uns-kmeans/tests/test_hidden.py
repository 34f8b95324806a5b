import warnings

import numpy as np
from sklearn.cluster import KMeans

from grader.checklib import assert_array, assert_scalar


def _blobs(seed, n_per=40, scale=1.5):
    rng = np.random.default_rng(seed)
    centers = np.array([[0.0, 0.0], [5.0, 1.0], [2.0, 6.0], [-4.0, 4.0]])
    X = np.vstack([c + rng.normal(scale=scale, size=(n_per, 2)) for c in centers])
    rng.shuffle(X)
    return X, X[:4].copy()


def _run(fn, *args, **kw):
    res = fn(*args, **kw)
    assert type(res) is tuple and len(res) == 3, "kmeans should return a tuple (centroids, labels, inertia)"
    return res


def _sklearn(X, init, n_iter):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        km = KMeans(n_clusters=init.shape[0], init=init, n_init=1, algorithm="lloyd", tol=0.0,
                    max_iter=n_iter).fit(X)
    return km.cluster_centers_, km.labels_.astype(np.int64), km.inertia_


def _compare(res, expected, what=""):
    c, lab, inertia = res
    assert_array(c, expected[0], what=f"centroids{what}")
    assert_array(lab, expected[1], what=f"labels{what}")
    assert_scalar(inertia, expected[2], what=f"inertia{what}")


def test_worked_example(learner, reference):
    """The worked example from the statement."""
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [4.0, 4.0], [5.0, 4.0], [4.0, 6.0]])
    init = np.array([[0.0, 0.0], [1.0, 0.0]])
    _compare(_run(learner.kmeans, X, init), reference.kmeans(X, init))


def test_matches_sklearn_to_convergence(learner):
    """Four well-separated blobs run to convergence match sklearn KMeans (lloyd, same init)."""
    X, init = _blobs(0)
    _compare(_run(learner.kmeans, X, init), _sklearn(X, init, 100))


def test_matches_sklearn_after_few_iterations(learner):
    """With n_iter = 1, 2, 3 (before convergence) the result matches sklearn with max_iter = n_iter."""
    X, init = _blobs(0)
    for n in (1, 2, 3):
        _compare(_run(learner.kmeans, X, init, n), _sklearn(X, init, n), what=f" (n_iter={n})")


def test_matches_sklearn_3d(learner):
    """Three clusters in 3-D with a random choice of initial points match sklearn."""
    rng = np.random.default_rng(5)
    X = np.vstack([m + rng.normal(size=(30, 3)) for m in ([0, 0, 0], [4, 4, 0], [0, 4, 4])])
    init = X[[0, 1, 2]].copy()
    _compare(_run(learner.kmeans, X, init, 50), _sklearn(X, init, 50))


def test_cluster_emptied_mid_run_keeps_centroid(learner):
    """A cluster that loses all its points keeps its centroid from the previous iteration."""
    X = np.array([[-5.0, 6.0], [-5.0, 2.0], [-5.0, 0.0], [5.0, 6.0], [5.0, 2.0], [5.0, 0.0]])
    init = np.array([[-5.0, 6.0], [0.0, -1.0], [5.0, 6.0]])
    c, lab, inertia = _run(learner.kmeans, X, init)
    expected = np.array([[-5.0, 8.0 / 3.0], [0.0, 0.0], [5.0, 8.0 / 3.0]])
    assert_array(c, expected, what="centroids")
    assert_array(lab, np.array([0, 0, 0, 2, 2, 2]), what="labels")
    assert_scalar(inertia, 112.0 / 3.0, what="inertia")


def test_far_initial_centroid_stays(learner, reference):
    """A centroid far from every point never gets a point and stays where it started."""
    X, _ = _blobs(2, n_per=15)
    init = np.array([X[0], X[1], [100.0, -100.0]])
    c, lab, inertia = _run(learner.kmeans, X, init)
    assert_array(c[2], np.array([100.0, -100.0]), what="the far centroid")
    _compare((c, lab, inertia), reference.kmeans(X, init))


def test_ties_go_to_lowest_index(learner):
    """A point equidistant from two centroids joins the one with the lower index."""
    X = np.array([[0.0], [2.0], [1.0]])
    c, lab, inertia = _run(learner.kmeans, X, np.array([[0.0], [2.0]]))
    assert_array(c, np.array([[0.5], [2.0]]), what="centroids")
    assert_array(lab, np.array([0, 1, 0]), what="labels")
    assert_scalar(inertia, 0.5, what="inertia")


def test_duplicate_initial_centroids(learner, reference):
    """Two identical initial centroids: the lower index takes every tied point, the other gets none."""
    X, _ = _blobs(3, n_per=10)
    init = np.array([X[0], X[5], X[5], X[9]])
    c, lab, inertia = _run(learner.kmeans, X, init, 1)
    assert_array(c[2], X[5], what="centroid 2 after one iteration (it had no points)")
    assert not np.allclose(c[1], X[5]), "centroid 1 should take the tied points and move after one iteration"
    _compare((c, lab, inertia), reference.kmeans(X, init, 1), what=" (n_iter=1)")
    _compare(_run(learner.kmeans, X, init), reference.kmeans(X, init), what=" (n_iter=100)")


def test_inertia_non_increasing(learner):
    """Runs with n_iter = 1, 2, ..., 8 from the same init give non-increasing inertia."""
    X, init = _blobs(4, n_per=30, scale=2.5)
    values = [float(_run(learner.kmeans, X, init, n)[2]) for n in range(1, 9)]
    for n in range(1, 8):
        assert values[n] <= values[n - 1] * (1 + 1e-12), \
            f"inertia went up from n_iter={n} ({values[n - 1]:.6g}) to n_iter={n + 1} ({values[n]:.6g})"
    assert values[-1] < values[0], "inertia should decrease on this data"


def test_inertia_consistent_with_output(learner):
    """inertia equals the sum of squared distances from each point to centroids[labels]."""
    X, init = _blobs(6, n_per=20, scale=2.5)
    for n in (1, 4):
        c, lab, inertia = _run(learner.kmeans, X, init, n)
        assert_array(lab, np.argmin(((X[:, None] - c[None]) ** 2).sum(-1), axis=1).astype(np.int64),
                     what=f"labels vs nearest returned centroid (n_iter={n})")
        assert_scalar(inertia, float(np.sum((X - c[lab]) ** 2)), what=f"inertia (n_iter={n})")


def test_zero_iterations(learner):
    """n_iter = 0 returns a float64 copy of init, labels and inertia computed against it."""
    X = np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 4.0]])
    init = np.array([[0.0, 1.0], [3.0, 1.0]])
    c, lab, inertia = _run(learner.kmeans, X, init, 0)
    assert_array(c, init, what="centroids")
    assert_array(lab, np.array([0, 1, 0]), what="labels")
    assert_scalar(inertia, 11.0, what="inertia")


def test_inputs_not_modified(learner):
    """X and init are left unchanged."""
    X, init = _blobs(7, n_per=10)
    _, after = learner.kmeans.call_keep_args(X, init, 10)
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
    assert_array(after[1], init, rtol=0, atol=0, what="your init after the call")
