import numpy as np
from scipy.special import logsumexp
from scipy.stats import multivariate_normal

from grader.checklib import assert_array, assert_scalar


def _oracle(X, w, means, covs):
    """scipy oracle: responsibilities and total log-likelihood, in log space."""
    lj = np.column_stack([np.log(w[k]) + multivariate_normal(means[k], covs[k]).logpdf(X).reshape(-1)
                          for k in range(len(w))])
    lse = logsumexp(lj, axis=1, keepdims=True)
    return np.exp(lj - lse), float(lse.sum())


def _spd(rng, d, scale=1.0):
    A = rng.normal(size=(d, d))
    return scale * (A @ A.T / d + 0.3 * np.eye(d))


def _mixture(seed, n, K, d):
    rng = np.random.default_rng(seed)
    w = rng.dirichlet(np.full(K, 2.0))
    means = rng.normal(scale=3.0, size=(K, d))
    covs = np.array([_spd(rng, d, rng.uniform(0.5, 2.0)) for _ in range(K)])
    X = means[rng.integers(K, size=n)] + rng.normal(size=(n, d)) * 1.5
    return X, w, means, covs


def _run(fn, *args):
    res = fn(*args)
    assert type(res) is tuple and len(res) == 2, "gmm_e_step should return a tuple (resp, log_likelihood)"
    resp, ll = res
    n, K = args[0].shape[0], len(args[1])
    assert type(resp) is np.ndarray and resp.shape == (n, K) and resp.dtype == np.float64, \
        f"resp should be a float64 array of shape {(n, K)}"
    assert isinstance(ll, (float, np.floating)), f"the log-likelihood should be a float, got {type(ll).__name__}"
    return resp, ll


def _compare(got, expected, what=""):
    assert_array(got[0], expected[0], what=f"responsibilities{what}")
    assert_scalar(got[1], expected[1], what=f"total log-likelihood{what}")


def test_worked_example(learner):
    """The worked example from the statement (two components, one far point)."""
    X = np.array([[0.0, 0.0], [1.0, 1.0], [4.0, 4.0], [100.0, 100.0]])
    args = (X, np.array([0.75, 0.25]), np.array([[0.0, 0.0], [4.0, 4.0]]), np.array([np.eye(2), 2.0 * np.eye(2)]))
    _compare(_run(learner.gmm_e_step, *args), _oracle(*args))


def test_matches_scipy_full_covariances(learner):
    """K=3 components in 2-D with full covariances: resp and log-likelihood match scipy's logpdf."""
    args = _mixture(0, 60, 3, 2)
    _compare(_run(learner.gmm_e_step, *args), _oracle(*args))


def test_matches_scipy_higher_dimension(learner):
    """K=4 components in 5-D with correlated covariances of different scales match scipy."""
    args = _mixture(1, 80, 4, 5)
    _compare(_run(learner.gmm_e_step, *args), _oracle(*args))


def test_rows_sum_to_one(learner):
    """Every row of resp lies in [0, 1] and sums to 1."""
    args = _mixture(2, 50, 3, 3)
    resp, _ = _run(learner.gmm_e_step, *args)
    assert np.all(resp >= 0) and np.all(resp <= 1), "responsibilities should lie in [0, 1]"
    assert_array(resp.sum(axis=1), np.ones(50), rtol=0, atol=1e-9, what="row sums of resp")


def test_far_points_stay_finite(learner):
    """Points 1e3 to 1e4 away from every component give finite resp and log-likelihood, no warnings."""
    rng = np.random.default_rng(3)
    means = np.array([[-1.0, 0.0], [1.0, 0.0], [0.0, 3.0]])
    covs = np.array([np.eye(2), [[2.0, 0.5], [0.5, 1.0]], 0.5 * np.eye(2)])
    w = np.array([0.5, 0.3, 0.2])
    X = np.vstack([rng.normal(size=(5, 2)), [[2000.0, 0.0], [-3000.0, 500.0], [0.0, 1e4], [1e4, -1e4]]])
    resp, ll = _run(learner.fn("gmm_e_step", warnings="error"), X, w, means, covs)
    assert np.all(np.isfinite(resp)), "resp contains NaN or inf for points far from every component"
    assert np.isfinite(ll), "the log-likelihood is not finite for points far from every component"
    _compare((resp, ll), _oracle(X, w, means, covs))


def test_far_equidistant_point_gets_weights(learner):
    """A point at (0, 1e4), equally far from two identical-covariance components, gets resp = weights."""
    means = np.array([[-1.0, 0.0], [1.0, 0.0]])
    covs = np.array([np.eye(2), np.eye(2)])
    w = np.array([0.3, 0.7])
    X = np.array([[0.0, 1e4]])
    resp, ll = _run(learner.fn("gmm_e_step", warnings="error"), X, w, means, covs)
    assert_array(resp, np.array([[0.3, 0.7]]), what="resp of the far point")
    assert_scalar(ll, _oracle(X, w, means, covs)[1], what="log-likelihood of the far point")


def test_mixing_weights_matter(learner):
    """Two components with equal covariances but weights 0.9 / 0.1 match the oracle (weights enter resp)."""
    means = np.array([[0.0, 0.0], [2.0, 0.0]])
    covs = np.array([np.eye(2), np.eye(2)])
    w = np.array([0.9, 0.1])
    X = np.array([[1.0, 0.0], [0.0, 0.0], [2.0, 1.0], [1.5, -0.5]])
    got = _run(learner.gmm_e_step, X, w, means, covs)
    assert abs(float(got[0][0, 0]) - 0.9) < 1e-9, "a point halfway between equal components should get resp = weights"
    _compare(got, _oracle(X, w, means, covs))


def test_single_point(learner):
    """n = 1: the single row of resp sums to 1 (normalise over components, not over samples)."""
    args = _mixture(4, 1, 3, 2)
    got = _run(learner.gmm_e_step, *args)
    _compare(got, _oracle(*args))


def test_single_component_and_1d(learner):
    """K = 1 gives resp all 1 and the summed log-density; d = 1 with covs of shape (K, 1, 1) works."""
    rng = np.random.default_rng(5)
    X = rng.normal(size=(10, 1)) * 2 + 1
    args = (X, np.array([1.0]), np.array([[1.0]]), np.array([[[4.0]]]))
    resp, ll = _run(learner.gmm_e_step, *args)
    assert_array(resp, np.ones((10, 1)), what="resp with one component")
    assert_scalar(ll, _oracle(*args)[1], what="log-likelihood with one component")
    args2 = (X, np.array([0.4, 0.6]), np.array([[0.0], [3.0]]), np.array([[[1.0]], [[2.5]]]))
    _compare(_run(learner.gmm_e_step, *args2), _oracle(*args2), what=" (d = 1, K = 2)")


def test_inputs_not_modified(learner):
    """X, weights, means and covs are left unchanged."""
    args = _mixture(6, 20, 3, 2)
    _, after = learner.gmm_e_step.call_keep_args(*args)
    for a, b, name in zip(after, args, ("X", "weights", "means", "covs")):
        assert_array(a, b, rtol=0, atol=0, what=f"your {name} after the call")
