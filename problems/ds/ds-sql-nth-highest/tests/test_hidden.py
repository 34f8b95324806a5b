import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_scalar, assert_series


def _check_float(out, expected, what="result"):
    assert isinstance(out, float), f"{what} should be a float, got {type(out).__name__}"
    assert_scalar(out, expected, what=what)


def _oracle(s, n):
    """Independent oracle: numpy unique of the non-missing values."""
    v = np.unique(s.dropna().to_numpy(dtype=float))[::-1]
    return float(v[n - 1]) if n <= len(v) else None


def test_worked_example(learner):
    """The worked example from the statement (n=2 and n=3)."""
    s = pd.Series([300.0, 200.0, 300.0, np.nan, 100.0])
    _check_float(learner.nth_highest(s, 2), 200.0, "nth_highest(s, 2)")
    _check_float(learner.nth_highest(s, 3), 100.0, "nth_highest(s, 3)")


def test_duplicates_count_once(learner):
    """Duplicated values occupy a single place."""
    s = pd.Series([5.0, 9.0, 9.0, 9.0, 5.0, 7.0, 1.0])
    _check_float(learner.nth_highest(s, 2), 7.0, "nth_highest(s, 2)")
    _check_float(learner.nth_highest(s, 3), 5.0, "nth_highest(s, 3)")
    _check_float(learner.nth_highest(s, 4), 1.0, "nth_highest(s, 4)")


def test_n_above_distinct_count_gives_none(learner):
    """n larger than the number of distinct values gives None (not NaN, no exception)."""
    s = pd.Series([4.0, 4.0, 2.0, np.nan, 4.0])
    for n in (3, 4, 10):
        out = learner.nth_highest(s, n)
        assert out is None, f"nth_highest(s, {n}) with 2 distinct values should be None, got {out!r}"


def test_nan_ignored(learner):
    """NaN values are ignored wherever they appear."""
    s = pd.Series([np.nan, 3.5, np.nan, -1.0, 3.5, np.nan, 0.0], index=[9, 8, 7, 6, 5, 4, 3])
    _check_float(learner.nth_highest(s, 1), 3.5, "nth_highest(s, 1)")
    _check_float(learner.nth_highest(s, 2), 0.0, "nth_highest(s, 2)")
    _check_float(learner.nth_highest(s, 3), -1.0, "nth_highest(s, 3)")


def test_n_one_is_maximum(learner):
    """n=1 gives the maximum, also when it is repeated or negative."""
    _check_float(learner.nth_highest(pd.Series([2.0, 8.0, 8.0, 3.0]), 1), 8.0, "nth_highest(s, 1)")
    _check_float(learner.nth_highest(pd.Series([-4.0, -2.5, -9.0]), 1), -2.5, "nth_highest of negatives")
    _check_float(learner.nth_highest(pd.Series([6.0]), 1), 6.0, "nth_highest of one element")


def test_int_series_gives_float(learner):
    """An int64 Series gives a float result."""
    s = pd.Series(np.array([300, 100, 300, 200], dtype=np.int64), name="salary")
    _check_float(learner.nth_highest(s, 2), 200.0, "nth_highest(int64 series, 2)")
    out = learner.nth_highest(s, 4)
    assert out is None, f"nth_highest(int64 series, 4) should be None, got {out!r}"


def test_empty_and_all_nan_give_none(learner):
    """An empty or all-NaN Series gives None."""
    out = learner.nth_highest(pd.Series([], dtype="float64"), 1)
    assert out is None, f"nth_highest(empty, 1) should be None, got {out!r}"
    out = learner.nth_highest(pd.Series([np.nan, np.nan]), 1)
    assert out is None, f"nth_highest(all NaN, 1) should be None, got {out!r}"


def test_n_below_one_raises(learner):
    """n=0 and negative n raise ValueError."""
    s = pd.Series([1.0, 2.0])
    for n in (0, -2):
        with pytest.raises(ValueError):
            learner.nth_highest(s, n)


def test_random_matches_oracle(learner):
    """Random Series with many duplicates and NaN match a numpy oracle for several n."""
    rng = np.random.default_rng(3)
    v = rng.integers(0, 40, size=500).astype(float)
    v[rng.random(500) < 0.1] = np.nan
    s = pd.Series(v, index=rng.permutation(500))
    for n in (1, 2, 17, 38, 41):
        expected = _oracle(s, n)
        out = learner.nth_highest(s, n)
        if expected is None:
            assert out is None, f"nth_highest(s, {n}) should be None, got {out!r}"
        else:
            _check_float(out, expected, f"nth_highest(s, {n})")


def test_input_not_modified(learner):
    """The input Series is left unchanged."""
    s = pd.Series([3.0, np.nan, 1.0, 3.0], index=[4, 3, 2, 1], name="pay")
    _, after = learner.nth_highest.call_keep_args(s.copy(deep=True), 2)
    assert_series(after[0], s, what="your input after the call")
