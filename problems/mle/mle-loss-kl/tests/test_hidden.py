import numpy as np
from scipy.stats import entropy

from grader.checklib import assert_array, assert_scalar


def _scalar(res, what="result"):
    """Accept a Python float, a numpy float64 or a 0-d float64 array for 1-D inputs."""
    if type(res) is np.ndarray:
        assert res.shape == (), f"{what} for 1-D inputs should be a single number, got an array of shape {res.shape}"
        res = res[()]
    assert type(res) in (float, np.float64), f"{what} for 1-D inputs should be a float64 number, got {type(res).__name__}"
    return float(res)


def _dists(seed, n, k, zero_frac=0.0):
    rng = np.random.default_rng(seed)
    d = rng.dirichlet(np.ones(k), size=n)
    if zero_frac:
        mask = rng.random((n, k)) < zero_frac
        mask[:, 0] = False                      # keep at least one positive entry per row
        d[mask] = 0.0
        d /= d.sum(axis=1, keepdims=True)
    return d


def test_worked_example(learner):
    """The worked example from the statement (1-D and 2-D), warnings as errors."""
    f = learner.fn("kl_div", warnings="error")
    got = _scalar(f(np.array([0.5, 0.5, 0.0]), np.array([0.25, 0.5, 0.25])), "kl_div")
    assert_scalar(got, 0.5 * np.log(2.0), what="KL for the 1-D example")
    p = np.array([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5], [0.5, 0.5, 0.0]])
    q = np.array([[0.25, 0.5, 0.25], [0.2, 0.3, 0.5], [1.0, 0.0, 0.0]])
    assert_array(f(p, q), np.array([0.5 * np.log(2.0), 0.0, np.inf]), what="KL for the 2-D example")


def test_matches_scipy_entropy(learner):
    """20 random distributions over 6 outcomes match scipy.stats.entropy(p, q) row by row."""
    p, q = _dists(0, 20, 6), _dists(1, 20, 6)
    assert_array(learner.kl_div(p, q), entropy(p, q, axis=-1))


def test_zeros_in_p_contribute_nothing(learner):
    """Entries with p = 0 (also where q = 0) add 0, with no NaN and no warnings."""
    p = _dists(2, 15, 8, zero_frac=0.4)
    q = _dists(3, 15, 8)
    q[p == 0] = np.where(np.arange((p == 0).sum()) % 2 == 0, 0.0, q[p == 0])  # some q = 0 under p = 0
    q /= q.sum(axis=1, keepdims=True)
    got = learner.fn("kl_div", warnings="error")(p, q)
    assert not np.any(np.isnan(got)), "some divergences are NaN: 0 * log(0) terms must count as 0"
    assert_array(got, entropy(p, q, axis=-1))


def test_q_zero_where_p_positive_gives_inf(learner):
    """p > 0 where q = 0 gives exactly +inf for that distribution only, without warnings."""
    p = np.array([[0.5, 0.5, 0.0], [0.1, 0.1, 0.8], [1.0, 0.0, 0.0], [0.3, 0.3, 0.4]])
    q = np.array([[0.5, 0.0, 0.5], [0.2, 0.2, 0.6], [0.0, 0.5, 0.5], [0.3, 0.3, 0.4]])
    got = learner.fn("kl_div", warnings="error")(p, q)
    assert_array(got, entropy(p, q, axis=-1), what="KL with q = 0 where p > 0")


def test_asymmetry(learner):
    """KL(p || q) and KL(q || p) differ and each matches its own definition."""
    p = np.array([[0.9, 0.1], [0.6, 0.4], [0.2, 0.8]])
    q = np.array([[0.5, 0.5], [0.1, 0.9], [0.25, 0.75]])
    assert_array(learner.kl_div(p, q), entropy(p, q, axis=-1), what="kl_div(p, q)")
    assert_array(learner.kl_div(q, p), entropy(q, p, axis=-1), what="kl_div(q, p)")


def test_identical_distributions_give_zero(learner):
    """KL(p || p) is 0 for every distribution, including ones with zero entries."""
    p = _dists(4, 6, 5, zero_frac=0.3)
    got = learner.fn("kl_div", warnings="error")(p, p.copy())
    assert_array(got, np.zeros(6), atol=1e-12, what="KL(p || p)")


def test_one_dimensional_returns_number(learner):
    """1-D inputs return one number; a one-outcome distribution gives 0."""
    p, q = _dists(5, 1, 4)[0], _dists(6, 1, 4)[0]
    assert_scalar(_scalar(learner.kl_div(p, q), "kl_div"), float(entropy(p, q)), what="KL for 1-D inputs")
    assert_scalar(_scalar(learner.kl_div(np.array([1.0]), np.array([1.0])), "kl_div"), 0.0,
                  what="KL for a single outcome")


def test_three_dimensional_shape(learner):
    """A (3, 4, 5) batch returns a (3, 4) array reduced over the last axis only."""
    p = _dists(7, 12, 5).reshape(3, 4, 5)
    q = _dists(8, 12, 5).reshape(3, 4, 5)
    assert_array(learner.kl_div(p, q), entropy(p, q, axis=-1))


def test_inputs_not_modified(learner):
    """p and q are left unchanged."""
    p = np.array([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
    q = np.array([[0.25, 0.5, 0.25], [0.0, 0.5, 0.5]])
    _, after = learner.kl_div.call_keep_args(p, q)
    assert_array(after[0], p, rtol=0, atol=0, what="your p after the call")
    assert_array(after[1], q, rtol=0, atol=0, what="your q after the call")
