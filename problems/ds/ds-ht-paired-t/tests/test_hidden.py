import numpy as np
from scipy import stats

from grader.checklib import assert_array, assert_scalar, assert_type


def _pair(result):
    assert_type(result, tuple, "result")
    assert len(result) == 2, f"result should be a tuple (t, df) of length 2, got length {len(result)}"
    t, df = result
    assert isinstance(t, (float, np.floating)), f"t should be a float, got {type(t).__name__}"
    assert isinstance(df, (int, np.integer)) and not isinstance(df, (bool, np.bool_)), \
        f"df should be an int, got {type(df).__name__}"
    return float(t), int(df)


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def _oracle(before, after):
    r = stats.ttest_rel(after, before)
    return float(r.statistic), int(r.df)


def test_worked_example(learner):
    """The worked example from the statement gives the stated t and df."""
    before = np.array([72.0, 80.5, 65.0, 90.0, 77.5, 84.0])
    after = np.array([70.0, 78.0, 66.5, 85.5, 74.0, 83.0])
    t, df = _pair(learner.paired_t(before, after))
    assert_scalar(t, -2.3354968324845693, what="t")
    assert df == 5, f"df is {df}, expected 5"


def test_matches_scipy_ttest_rel(learner):
    """t and df match scipy.stats.ttest_rel(after, before) on correlated random pairs."""
    rng = np.random.default_rng(1)
    for n, effect, noise in [(8, 0.5, 0.3), (25, -1.2, 2.0), (3, 0.1, 1.0), (200, 0.05, 0.5)]:
        base = rng.normal(50.0, 10.0, size=n)
        before = base + rng.normal(0.0, noise, size=n)
        after = base + effect + rng.normal(0.0, noise, size=n)
        t, df = _pair(learner.paired_t(before, after))
        t_ref, df_ref = _oracle(before, after)
        assert_scalar(t, t_ref, what=f"t for n={n}")
        assert df == df_ref, f"df for n={n} is {df}, expected {df_ref}"


def test_df_is_n_minus_one(learner):
    """df is the number of pairs minus one (n = 2, 7, 40)."""
    rng = np.random.default_rng(2)
    for n in (2, 7, 40):
        before = rng.normal(size=n)
        after = before + rng.normal(0.3, 1.0, size=n)
        _, df = _pair(learner.paired_t(before, after))
        assert df == n - 1, f"df for {n} pairs is {df}, expected {n - 1}"


def test_sign_and_swap(learner):
    """t is positive when values increase from before to after; swapping the arrays negates t."""
    rng = np.random.default_rng(3)
    before = rng.normal(10.0, 2.0, size=12)
    after = before + rng.normal(1.0, 0.5, size=12)
    t, df = _pair(learner.paired_t(before, after))
    assert t > 0, "t should be positive when the after values are larger on average"
    t_sw, df_sw = _pair(learner.paired_t(after, before))
    assert_scalar(t_sw, -t, what="t after swapping before and after")
    assert df_sw == df, "df should not change when before and after are swapped"


def test_unequal_lengths_raise(learner):
    """before and after of different lengths raise ValueError."""
    _expect_value_error(lambda: learner.paired_t(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0])),
                        "lengths 3 and 2")
    _expect_value_error(lambda: learner.paired_t(np.array([1.0, 2.0]), np.array([1.0, 2.0, 5.0, 4.0])),
                        "lengths 2 and 4")


def test_zero_variance_differences_raise(learner):
    """Differences that are all equal (zero variance) raise ValueError, including identical arrays."""
    before = np.array([3.0, 8.0, 1.0, 6.0, 4.0])
    _expect_value_error(lambda: learner.paired_t(before, before + 2.0), "constant differences (all +2)")
    _expect_value_error(lambda: learner.paired_t(before, before.copy()), "identical before and after")


def test_fewer_than_two_pairs_raise(learner):
    """A single pair or empty arrays raise ValueError."""
    _expect_value_error(lambda: learner.paired_t(np.array([1.0]), np.array([2.0])), "a single pair")
    empty = np.array([], dtype=np.float64)
    _expect_value_error(lambda: learner.paired_t(empty, empty.copy()), "empty arrays")


def test_integer_input(learner):
    """Integer arrays are accepted and give the same result as their float versions."""
    before = np.array([12, 15, 9, 20, 14, 11, 17], dtype=np.int64)
    after = np.array([14, 15, 12, 23, 13, 15, 18], dtype=np.int64)
    t, df = _pair(learner.paired_t(before, after))
    t_ref, df_ref = _oracle(before.astype(float), after.astype(float))
    assert_scalar(t, t_ref, what="t for integer input")
    assert df == df_ref, f"df for integer input is {df}, expected {df_ref}"


def test_inputs_not_modified(learner):
    """The input arrays are left unchanged."""
    before = np.array([5.0, 7.5, 6.0, 9.0])
    after = np.array([6.0, 7.0, 8.5, 9.5])
    _, args = learner.paired_t.call_keep_args(before, after)
    assert_array(args[0], before, rtol=0, atol=0, what="before after the call")
    assert_array(args[1], after, rtol=0, atol=0, what="after after the call")
