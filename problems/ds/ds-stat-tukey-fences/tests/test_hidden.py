import numpy as np
import pandas as pd

from grader.checklib import assert_array


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def _oracle(x, k=1.5):
    s = pd.Series(x, dtype="float64")
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    lo, hi = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
    return ((s < lo) | (s > hi)).to_numpy(dtype=bool)


def test_worked_example(learner):
    """The worked example from the statement flags 21, -3 and 12.5."""
    x = np.array([4.0, 7.0, 5.0, 6.0, 21.0, 5.5, 4.5, -3.0, 6.5, 12.5])
    expected = np.array([False, False, False, False, True, False, False, True, False, True])
    assert_array(learner.tukey_outliers(x), expected, what="mask")


def test_bool_dtype_and_shape(learner):
    """The result is a bool array with the same shape as x."""
    x = np.random.default_rng(0).normal(size=37)
    out = learner.tukey_outliers(x)
    assert isinstance(out, np.ndarray), f"result should be a numpy array, got {type(out).__name__}"
    assert out.dtype == np.bool_, f"result should have dtype bool, got {out.dtype}"
    assert out.shape == x.shape, f"result has shape {out.shape}, expected {x.shape}"


def test_points_on_fence_not_outliers(learner):
    """Values exactly on a fence are not outliers; with a smaller k they are."""
    # Q1 = 10, Q3 = 20, IQR = 10: fences -5 and 35 for k = 1.5, 0 and 30 for k = 1.
    x = np.array([20.0, -5.0, 10.0, 15.0, 35.0, 10.0, 20.0, 15.0, 10.0, 20.0])
    assert_array(learner.tukey_outliers(x, 1.5), np.zeros(10, dtype=bool), what="mask for k=1.5 (points on the fences)")
    expected = np.array([False, True, False, False, True, False, False, False, False, False])
    assert_array(learner.tukey_outliers(x, k=1.0), expected, what="mask for k=1.0")


def test_constant_array_all_false(learner):
    """An array of equal values (and a single value) has no outliers."""
    assert_array(learner.tukey_outliers(np.full(8, 3.25)), np.zeros(8, dtype=bool), what="mask for a constant array")
    assert_array(learner.tukey_outliers(np.array([-4.0])), np.array([False]), what="mask for a single value")


def test_random_samples_match_quartile_rule(learner):
    """Random heavy-tailed samples of several sizes match the linear-quartile fences."""
    rng = np.random.default_rng(1)
    for n in (5, 6, 7, 8, 50, 333):
        x = rng.standard_t(df=2, size=n) * 3.0
        assert_array(learner.tukey_outliers(x), _oracle(x), what=f"mask for n={n}")


def test_quartiles_use_linear_interpolation(learner):
    """Quartiles are linear-interpolation percentiles, not hinges or nearest ranks."""
    # Linear: Q1 = 3.75, Q3 = 7.25, fences -1.5 and 12.5, so 13 is an outlier.
    # Tukey's hinges (3.5 and 7.5) would give fences -2.5 and 13.5 and miss it.
    x = np.array([5.0, 13.0, 2.0, 7.0, 4.0, 8.0, 3.0, 6.0])
    expected = np.array([False, True, False, False, False, False, False, False])
    assert_array(learner.tukey_outliers(x), expected, what="mask")
    x = np.array([1.0, 2.0, 2.0, 3.0, 9.0, 10.0, 11.0, 40.0, -25.0])
    assert_array(learner.tukey_outliers(x, k=0.5), _oracle(x, 0.5), what="mask for k=0.5")


def test_k_parameter(learner):
    """k scales the fences: k=0 flags everything outside [Q1, Q3], a large k flags nothing."""
    x = np.random.default_rng(2).normal(size=40)
    assert_array(learner.tukey_outliers(x, k=0.0), _oracle(x, 0.0), what="mask for k=0")
    assert_array(learner.tukey_outliers(x, k=3.0), _oracle(x, 3.0), what="mask for k=3")
    assert_array(learner.tukey_outliers(x, k=100.0), np.zeros(40, dtype=bool), what="mask for k=100")


def test_integer_input(learner):
    """An int64 array gives the same mask as its float64 version."""
    x = np.array([12, 7, 3, 15, 7, 1, 60, 9, -30, 8], dtype=np.int64)
    assert_array(learner.tukey_outliers(x), _oracle(x.astype(float)), what="mask for int64 input")


def test_invalid_input_raises(learner):
    """An empty array or a negative k raises ValueError."""
    _expect_value_error(lambda: learner.tukey_outliers(np.array([], dtype=np.float64)), "an empty array")
    _expect_value_error(lambda: learner.tukey_outliers(np.array([1.0, 2.0, 3.0]), -1.0), "k = -1")


def test_input_not_modified(learner):
    """The input array is left unchanged."""
    x = np.array([5.0, -20.0, 3.0, 4.0, 30.0, 1.0, 2.0])
    _, after = learner.tukey_outliers.call_keep_args(x.copy())
    assert_array(after[0], x, rtol=0, atol=0, what="your input after the call")
