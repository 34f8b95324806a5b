import numpy as np
import pytest
from sklearn.decomposition import PCA

from grader.checklib import assert_array, assert_raises


def _data(seed, n, d, offset=0.0):
    """Correlated Gaussian data with clearly distinct variances along its principal axes."""
    rng = np.random.default_rng(seed)
    scales = np.linspace(3.0, 0.5, d)
    A = rng.normal(size=(d, d))
    Q, _ = np.linalg.qr(A)
    return rng.normal(size=(n, d)) * scales @ Q.T + offset + rng.normal(size=d)


def _run(fn, X, k):
    res = fn(X, k)
    assert type(res) is tuple and len(res) == 3, "pca should return a tuple (components, ratio, scores)"
    comps, ratio, scores = res
    n, d = X.shape
    for name, arr, shape in (("components", comps, (k, d)), ("explained variance ratio", ratio, (k,)),
                             ("scores", scores, (n, k))):
        assert type(arr) is np.ndarray and arr.shape == shape and arr.dtype == np.float64, \
            f"{name} should be a float64 array of shape {shape}"
    return comps, ratio, scores


def _sklearn(X, k):
    p = PCA(n_components=k, svd_solver="full").fit(X)
    comps = p.components_.copy()
    scores = p.transform(X)
    return comps, p.explained_variance_ratio_, scores


def _align(comps, scores, ref_comps):
    """Flip each of (comps, scores) to agree in sign with ref_comps (used for the sign-free comparison)."""
    s = np.where(np.sum(comps * ref_comps, axis=1) < 0, -1.0, 1.0)
    return comps * s[:, None], scores * s[None, :]


def test_worked_example(learner, reference):
    """The worked example from the statement (4 points in 2-D, k = 1)."""
    X = np.array([[2.0, 0.0], [0.0, 1.0], [4.0, 3.0], [6.0, 4.0]])
    got, exp = _run(learner.pca, X, 1), reference.pca(X, 1)
    for g, e, what in zip(got, exp, ("components", "explained variance ratio", "scores")):
        assert_array(g, e, what=what)


def test_matches_sklearn_up_to_sign(learner):
    """n=200, d=6, k=3: components, ratios and scores equal sklearn PCA after aligning signs."""
    X = _data(0, 200, 6)
    comps, ratio, scores = _run(learner.pca, X, 3)
    sc, sr, ss = _sklearn(X, 3)
    comps, scores = _align(comps, scores, sc)
    assert_array(comps, sc, what="components (signs aligned with sklearn)")
    assert_array(ratio, sr, what="explained variance ratio")
    assert_array(scores, ss, what="scores (signs aligned with sklearn)")


def test_sign_rule(learner):
    """Every component's largest-magnitude loading is positive (and matches sklearn exactly)."""
    for seed, (n, d, k) in enumerate([(120, 5, 5), (60, 8, 4), (30, 3, 2)]):
        X = _data(10 + seed, n, d)
        comps, _, scores = _run(learner.pca, X, k)
        top = comps[np.arange(k), np.argmax(np.abs(comps), axis=1)]
        assert np.all(top > 0), f"(n={n}, d={d}, k={k}) a component's largest-magnitude loading is negative"
        sc, _, ss = _sklearn(X, k)
        assert_array(comps, sc, what=f"components (n={n}, d={d}, k={k})")
        assert_array(scores, ss, what=f"scores (n={n}, d={d}, k={k})")


def test_components_orthonormal(learner):
    """The components are orthonormal rows: components @ components.T is the identity."""
    X = _data(1, 150, 7)
    comps, _, _ = _run(learner.pca, X, 5)
    assert_array(comps @ comps.T, np.eye(5), rtol=0, atol=1e-9, what="components @ components.T")


def test_ratios_valid(learner):
    """Ratios lie in [0, 1], are non-increasing, sum to at most 1 for k < d and to 1 for k = d."""
    X = _data(2, 80, 5)
    _, ratio, _ = _run(learner.pca, X, 3)
    assert np.all(ratio >= 0) and np.all(ratio <= 1), "every ratio should lie in [0, 1]"
    assert np.all(np.diff(ratio) <= 1e-12), "ratios should be non-increasing"
    assert float(ratio.sum()) < 1 - 1e-3, \
        f"with k=3 of d=5 the ratios sum to {float(ratio.sum()):.6f}; they should be a share of the TOTAL variance"
    _, full, _ = _run(learner.pca, X, 5)
    assert abs(float(full.sum()) - 1.0) < 1e-9, f"with k = d the ratios should sum to 1, got {float(full.sum()):.9f}"
    assert_array(full[:3], ratio, what="the first 3 ratios with k=5 vs with k=3")


def test_reconstruction_error_decreases(learner):
    """Reconstructing mean + scores @ components gives an error that decreases with k and is 0 at k = d."""
    X = _data(3, 100, 6)
    mu = X.mean(axis=0)
    errs = []
    for k in range(1, 7):
        comps, _, scores = _run(learner.pca, X, k)
        errs.append(float(np.sum((X - (mu + scores @ comps)) ** 2)))
    for k in range(1, 6):
        assert errs[k] < errs[k - 1], f"reconstruction error did not decrease from k={k} to k={k + 1}"
    assert errs[-1] < 1e-12 * float(np.sum((X - mu) ** 2)), "with k = d the reconstruction should be exact"


def test_offset_data_is_centred(learner, reference):
    """Data shifted by 1000 gives the same components and ratios, and scores with column means 0."""
    X = _data(4, 90, 4)
    comps, ratio, scores = _run(learner.pca, X + 1000.0, 2)
    rc, rr, rs = reference.pca(X, 2)
    assert_array(comps, rc, rtol=1e-6, atol=1e-8, what="components of the shifted data")
    assert_array(ratio, rr, rtol=1e-6, atol=1e-8, what="ratios of the shifted data")
    assert_array(scores.mean(axis=0), np.zeros(2), rtol=0, atol=1e-8, what="column means of the scores")


def test_wide_data(learner):
    """More features than samples (n=6, d=10, k=4) matches sklearn after sign alignment."""
    X = _data(5, 6, 10)
    comps, ratio, scores = _run(learner.pca, X, 4)
    sc, sr, ss = _sklearn(X, 4)
    comps, scores = _align(comps, scores, sc)
    assert_array(comps, sc, what="components (signs aligned)")
    assert_array(ratio, sr, what="explained variance ratio")
    assert_array(scores, ss, what="scores (signs aligned)")


def test_invalid_inputs_raise(learner):
    """k = 0, k > min(n, d), and data whose rows are all identical raise ValueError."""
    X = _data(6, 5, 3)
    for k in (0, 4):
        with pytest.raises(ValueError):
            learner.pca(X, k)
    with pytest.raises(ValueError):
        learner.pca(np.full((4, 3), 2.5), 1)


def test_identical_non_dyadic_rows_raise(learner):
    """Identical rows of values such as 0.1 (centring leaves ~1e-17, not 0) raise ValueError, n = 1 included."""
    for row, n in (([0.1], 3), ([0.1, 0.7, 1.3], 7), ([0.3, -2.9, 1e-3, 7.1], 10), ([0.1, 0.7], 1)):
        X = np.tile(np.array(row), (n, 1))
        with assert_raises(ValueError, f"{n} identical rows {row}"):
            learner.pca(X, 1)


def test_input_not_modified(learner):
    """X is left unchanged (rule G1)."""
    X = _data(7, 20, 4, offset=5.0)
    _, after = learner.pca.call_keep_args(X, 2)
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
