import numpy as np
from scipy.special import logsumexp as sp_logsumexp

from grader.checklib import assert_array, assert_scalar


def _scalar(res, what="result"):
    """Accept a Python float, a numpy float64 or a 0-d float64 array for axis=None."""
    if type(res) is np.ndarray:
        assert res.shape == (), f"{what} with axis=None should be a single number, got an array of shape {res.shape}"
        res = res[()]
    ok = type(res) in (float, np.float64)
    assert ok, f"{what} with axis=None should be a float64 number, got {type(res).__name__}"
    return float(res)


def test_worked_example(learner):
    """The worked example from the statement (axis=1 with an all -inf row), warnings as errors."""
    a = np.array([[0.0, np.log(3.0)], [1000.0, 1000.0], [-np.inf, -np.inf]])
    out = learner.fn("logsumexp", warnings="error")(a, 1)
    assert_array(out, np.array([np.log(4.0), 1000.0 + np.log(2.0), -np.inf]))


def test_matches_scipy_all_entries(learner):
    """axis=None on a 2-D array reduces over every entry and returns one number (vs scipy)."""
    a = np.random.default_rng(0).normal(scale=3.0, size=(5, 7))
    got = _scalar(learner.logsumexp(a), "logsumexp(a)")
    assert_scalar(got, float(sp_logsumexp(a)), what="logsumexp(a) with axis=None")


def test_matches_scipy_each_axis_2d(learner):
    """axis=0, 1 and -1 on a 2-D array match scipy, with the reduced axis removed."""
    a = np.random.default_rng(1).normal(scale=4.0, size=(4, 6))
    for ax in (0, 1, -1):
        assert_array(learner.logsumexp(a, ax), sp_logsumexp(a, axis=ax), what=f"result for axis={ax}")


def test_matches_scipy_3d_axes(learner):
    """A 3-D array reduced over axis 1, -1 and -3 matches scipy (shape and values)."""
    a = np.random.default_rng(2).normal(scale=2.0, size=(3, 4, 5))
    for ax in (1, -1, -3):
        assert_array(learner.logsumexp(a, ax), sp_logsumexp(a, axis=ax), what=f"result for axis={ax}")


def test_large_magnitudes_no_warning(learner):
    """Rows with values near +1e4 and near -1e4 give finite correct results, warnings as errors."""
    a = np.array([[1e4, 1e4, 9999.0], [-1e4, -1e4, -9999.5], [3.0, -1e4, 1e4]])
    f = learner.fn("logsumexp", warnings="error")
    assert_array(f(a, 1), sp_logsumexp(a, axis=1), what="result for axis=1")
    assert_array(f(a, 0), sp_logsumexp(a, axis=0), what="result for axis=0")
    assert_scalar(_scalar(f(a), "logsumexp(a)"), float(sp_logsumexp(a)), what="result for axis=None")


def test_some_neg_inf_entries(learner):
    """-inf entries contribute nothing: results equal those without them, warnings as errors."""
    a = np.array([[-np.inf, 0.0, 1.0], [2.0, -np.inf, -np.inf], [-np.inf, 5.0, 5.0]])
    expected = np.array([np.log(1.0 + np.e), 2.0, 5.0 + np.log(2.0)])
    assert_array(learner.fn("logsumexp", warnings="error")(a, 1), expected)


def test_all_neg_inf_slice_gives_neg_inf(learner):
    """An all -inf slice gives exactly -inf without warnings (per axis and for axis=None)."""
    f = learner.fn("logsumexp", warnings="error")
    a = np.array([[-np.inf, -np.inf], [1.0, -np.inf], [-np.inf, -np.inf]])
    assert_array(f(a, -1), np.array([-np.inf, 1.0, -np.inf]), what="result for axis=-1")
    got = _scalar(f(np.full((2, 3), -np.inf)), "logsumexp of an all -inf array")
    assert got == -np.inf, f"logsumexp of an all -inf array should be -inf, got {got}"


def test_single_element_and_equal_values(learner):
    """A single entry returns itself; n equal entries x give x + log(n)."""
    assert_scalar(_scalar(learner.logsumexp(np.array([-7.25]))), -7.25, what="logsumexp([-7.25])")
    a = np.full((3, 8), 2.5)
    assert_array(learner.logsumexp(a, 1), np.full(3, 2.5 + np.log(8.0)), what="rows of equal values")
    assert_array(learner.logsumexp(a[:, :1], 1), np.full(3, 2.5), what="slices of length 1")


def test_input_not_modified(learner):
    """The input array is left unchanged."""
    a = np.array([[1.0, -np.inf, 3.0], [1e4, 2.0, -5.0]])
    _, after = learner.logsumexp.call_keep_args(a, 1)
    assert_array(after[0], a, rtol=0, atol=0, what="your input after the call")
