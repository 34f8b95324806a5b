import math

import numpy as np
from scipy import stats

from grader.checklib import assert_array, assert_scalar


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def _oracle(x, y):
    return float(stats.spearmanr(x, y).statistic)


def _number(v, what="result"):
    assert isinstance(v, (float, np.floating)) and not isinstance(v, bool), \
        f"{what} should be a float, got {type(v).__name__}"
    return float(v)


def test_worked_example(learner):
    """The worked example from the statement (a tie in x) gives the stated value."""
    x = np.array([1.0, 2.0, 2.0, 4.0, 7.0])
    y = np.array([0.5, 0.9, 0.7, 3.0, 2.5])
    assert_scalar(_number(learner.spearman(x, y)), 0.8720815992723809, what="spearman(x, y)")


def test_ties_match_scipy(learner):
    """Samples with many ties in both inputs match scipy.stats.spearmanr (average ranks)."""
    rng = np.random.default_rng(0)
    for n in (6, 15, 40, 200):
        x = rng.integers(0, 5, size=n).astype(np.float64)
        y = x + rng.integers(-3, 4, size=n)
        assert_scalar(_number(learner.spearman(x, y)), _oracle(x, y), what=f"correlation for n={n} with ties")


def test_no_ties_match_scipy(learner):
    """Continuous random samples without ties match scipy.stats.spearmanr."""
    rng = np.random.default_rng(1)
    for n in (2, 3, 10, 300):
        x = rng.normal(size=n)
        y = 0.5 * x + rng.normal(size=n)
        assert_scalar(_number(learner.spearman(x, y)), _oracle(x, y), what=f"correlation for n={n}")


def test_monotone_nonlinear_gives_one(learner):
    """A strictly increasing nonlinear relation (exp, cube) gives exactly 1."""
    x = np.random.default_rng(2).normal(scale=3.0, size=30)
    assert_scalar(_number(learner.spearman(x, np.exp(x))), 1.0, what="spearman(x, exp(x))")
    assert_scalar(_number(learner.spearman(x, x ** 3 + 2.0)), 1.0, what="spearman(x, x**3 + 2)")


def test_reversed_gives_minus_one(learner):
    """A strictly decreasing relation gives exactly -1."""
    x = np.array([0.5, 3.0, 1.5, 10.0, 7.0, 2.0, 40.0])
    assert_scalar(_number(learner.spearman(x, -np.log(x))), -1.0, what="spearman(x, -log(x))")
    assert_scalar(_number(learner.spearman(np.arange(8.0), np.arange(8.0)[::-1])), -1.0,
                  what="spearman(0..7, 7..0)")


def test_constant_input_gives_nan(learner):
    """A constant x or y (or both) gives NaN instead of raising."""
    for what, x, y in [("constant x", np.full(5, 2.0), np.array([1.0, 3.0, 2.0, 5.0, 4.0])),
                       ("constant y", np.array([1.0, 3.0, 2.0, 5.0]), np.full(4, -1.0)),
                       ("both constant", np.full(3, 7.0), np.full(3, 7.0))]:
        v = _number(learner.spearman(x, y), what=f"result for {what}")
        assert math.isnan(v), f"result for {what} should be nan, got {v:.6g}"


def test_symmetric_and_rank_invariant(learner):
    """spearman(x, y) equals spearman(y, x) and does not change under increasing transforms."""
    rng = np.random.default_rng(3)
    x = rng.integers(0, 6, size=25).astype(np.float64)
    y = rng.normal(size=25)
    r = _number(learner.spearman(x, y))
    assert_scalar(_number(learner.spearman(y, x)), r, what="spearman(y, x)")
    assert_scalar(_number(learner.spearman(3.0 * x - 1.0, np.exp(y))), r, what="spearman(3x - 1, exp(y))")


def test_integer_input(learner):
    """int64 arrays are accepted and give the same value as their float versions."""
    x = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], dtype=np.int64)
    y = np.array([2, 7, 1, 8, 2, 8, 1, 8, 2, 8], dtype=np.int64)
    assert_scalar(_number(learner.spearman(x, y)), _oracle(x.astype(float), y.astype(float)),
                  what="correlation for int64 input")


def test_invalid_input_raises(learner):
    """Different lengths, a single value or empty arrays raise ValueError."""
    _expect_value_error(lambda: learner.spearman(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0])),
                        "arrays of lengths 3 and 2")
    _expect_value_error(lambda: learner.spearman(np.array([1.0]), np.array([2.0])), "arrays of length 1")
    _expect_value_error(lambda: learner.spearman(np.array([], dtype=float), np.array([], dtype=float)),
                        "empty arrays")


def test_inputs_not_modified(learner):
    """The input arrays are left unchanged."""
    x = np.array([4.0, 1.0, 3.0, 1.0, 2.0])
    y = np.array([9.0, 7.0, 8.0, 6.0, 6.0])
    _, after = learner.spearman.call_keep_args(x.copy(), y.copy())
    assert_array(after[0], x, rtol=0, atol=0, what="x after the call")
    assert_array(after[1], y, rtol=0, atol=0, what="y after the call")
