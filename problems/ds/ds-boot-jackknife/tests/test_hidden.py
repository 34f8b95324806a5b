import math

import numpy as np
import pytest

from grader.checklib import assert_scalar


def _np_fn(learner, name):
    """A handle to numpy.<name> living in the sandbox, to pass as `stat`."""
    return getattr(learner.invoke("importlib.import_module", "numpy"), name)


def _se(learner, x, stat):
    v = learner.jackknife_se(x, stat)
    assert isinstance(v, (float, np.floating)) and not isinstance(v, bool), \
        f"jackknife_se should return a float, got {type(v).__name__}"
    return float(v)


def test_worked_example(learner):
    """The worked example: median of [1, 2, 3, 4, 5] gives sqrt(0.8)."""
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    assert_scalar(_se(learner, x, _np_fn(learner, "median")), math.sqrt(0.8), what="jackknife SE")


def test_mean_equals_s_over_sqrt_n(learner):
    """For stat = np.mean the result equals s / sqrt(n) with ddof = 1 (several sizes)."""
    rng = np.random.default_rng(0)
    mean = _np_fn(learner, "mean")
    for n in (2, 3, 10, 57, 300):
        x = rng.normal(loc=5.0, scale=2.0, size=n)
        expected = np.std(x, ddof=1) / math.sqrt(n)
        assert_scalar(_se(learner, x, mean), expected, rtol=1e-9, what=f"jackknife SE of the mean (n={n})")


def test_median_with_repeated_values(learner):
    """Median of [1, 2, 2, 4, 7, 9] gives sqrt(5): each copy of 2 is left out on its own."""
    x = np.array([1.0, 2.0, 2.0, 4.0, 7.0, 9.0])
    assert_scalar(_se(learner, x, _np_fn(learner, "median")), math.sqrt(5.0), what="jackknife SE of the median")
    y = np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0])
    assert_scalar(_se(learner, y, _np_fn(learner, "median")), math.sqrt(1.75), what="jackknife SE of the median (n=8)")


def test_max_hand_value(learner):
    """stat = np.max on [1, 2, 3, 4, 10] gives 4.8 (deviations from the mean of the leave-one-out values)."""
    x = np.array([1.0, 2.0, 3.0, 4.0, 10.0])
    assert_scalar(_se(learner, x, _np_fn(learner, "max")), 4.8, what="jackknife SE of the max")


def test_other_statistics_match_reference(learner, reference):
    """np.median, np.std (ddof=1, via functools.partial) and np.var on random data match the reference."""
    rng = np.random.default_rng(1)
    x = rng.exponential(scale=3.0, size=41)
    std1 = learner.invoke("functools.partial", _np_fn(learner, "std"), ddof=1)
    assert_scalar(_se(learner, x, _np_fn(learner, "median")), reference.jackknife_se(x, np.median),
                  what="jackknife SE of the median")
    assert_scalar(_se(learner, x, std1), reference.jackknife_se(x, lambda v: np.std(v, ddof=1)),
                  what="jackknife SE of the standard deviation")
    assert_scalar(_se(learner, x, _np_fn(learner, "var")), reference.jackknife_se(x, np.var),
                  what="jackknife SE of the variance")


def test_constant_array_gives_zero(learner):
    """A constant array gives 0.0."""
    x = np.full(7, 3.25)
    assert_scalar(_se(learner, x, _np_fn(learner, "mean")), 0.0, what="jackknife SE of a constant array")
    assert_scalar(_se(learner, x, _np_fn(learner, "median")), 0.0, what="jackknife SE of a constant array (median)")


def test_integer_input(learner):
    """An integer array works: SE of the mean of [2, 4, 4, 4, 5, 5, 7, 9] is 2 / sqrt(7)."""
    x = np.array([2, 4, 4, 4, 5, 5, 7, 9])
    assert_scalar(_se(learner, x, _np_fn(learner, "mean")), 2.0 / math.sqrt(7.0), what="jackknife SE of the mean")


def test_fewer_than_two_values_raise(learner):
    """An empty array or a single value raises ValueError."""
    mean = _np_fn(learner, "mean")
    with pytest.raises(ValueError):
        learner.jackknife_se(np.array([], dtype=float), mean)
    with pytest.raises(ValueError):
        learner.jackknife_se(np.array([4.0]), mean)


def test_input_not_modified(learner):
    """The input array is left unchanged."""
    x = np.array([5.0, 1.0, 4.0, 2.0, 3.0])
    _, after = learner.jackknife_se.call_keep_args(x, _np_fn(learner, "median"))
    assert np.array_equal(after[0], x), "your function changed the input array"
