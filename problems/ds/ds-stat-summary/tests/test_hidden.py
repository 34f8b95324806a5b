import math

import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_scalar

KEYS = {"mean", "median", "std", "iqr", "mad"}


def _numpy_oracle(x):
    v = np.asarray(x, dtype=np.float64)
    v = v[~np.isnan(v)]
    med = np.median(v)
    return {"mean": np.mean(v), "median": med, "std": np.std(v, ddof=1) if v.size > 1 else np.nan,
            "iqr": np.percentile(v, 75) - np.percentile(v, 25), "mad": np.median(np.abs(v - med))}


def _pandas_oracle(x):
    s = pd.Series(x, dtype="float64")
    return {"mean": s.mean(), "median": s.median(), "std": s.std(ddof=1),
            "iqr": s.quantile(0.75) - s.quantile(0.25), "mad": (s - s.median()).abs().median()}


def _check(out, expected, label=""):
    assert isinstance(out, dict), f"result should be a dict, got {type(out).__name__}"
    assert set(out) == KEYS, "the result's keys should be exactly mean, median, std, iqr, mad"
    for k in ("mean", "median", "std", "iqr", "mad"):
        assert_scalar(out[k], expected[k], what=f"{label}{k!r}")


def test_worked_example(learner, reference):
    """The worked example from the statement (one NaN ignored)."""
    x = np.array([1.0, 2.0, 3.0, 4.0, 10.0, np.nan])
    _check(learner.summary_stats(x), reference.summary_stats(x))


def test_exact_keys_and_python_floats(learner):
    """The dict has exactly the five keys and every value is a Python float."""
    out = learner.summary_stats(np.array([3.0, 1.0, 4.0, 1.0, 5.0]))
    assert isinstance(out, dict), f"result should be a dict, got {type(out).__name__}"
    assert set(out) == KEYS, f"keys should be exactly {sorted(KEYS)}, got {sorted(map(str, out))[:8]}"
    for k in sorted(KEYS):
        assert type(out[k]) is float, f"value of {k!r} should be a Python float, got {type(out[k]).__name__}"


def test_random_vs_numpy_and_pandas(learner):
    """Random samples of odd and even sizes match NumPy and pandas."""
    rng = np.random.default_rng(3)
    for size in (2, 7, 50, 1001):
        x = rng.lognormal(mean=1.0, sigma=0.8, size=size)
        out = learner.summary_stats(x)
        _check(out, _numpy_oracle(x), label=f"n={size}: ")
        _check(out, _pandas_oracle(x), label=f"n={size}: ")


def test_nans_are_ignored(learner):
    """NaN values anywhere in the array are ignored by every statistic."""
    rng = np.random.default_rng(5)
    x = rng.normal(loc=-2.0, scale=3.0, size=40)
    x[[0, 7, 8, 21, 39]] = np.nan
    out = learner.summary_stats(x)
    _check(out, _numpy_oracle(x))
    _check(out, _pandas_oracle(x))


def test_sample_std_ddof_one(learner):
    """std is the sample standard deviation (divides by n - 1)."""
    out = learner.summary_stats(np.array([1.0, 2.0, 3.0, 4.0]))
    assert_scalar(out["std"], math.sqrt(5.0 / 3.0), what="'std' for [1, 2, 3, 4]")


def test_iqr_linear_and_mad_unscaled(learner):
    """IQR uses linear interpolation between order statistics; MAD has no scale factor."""
    out = learner.summary_stats(np.array([4.0, 1.0, 3.0, 2.0]))
    assert_scalar(out["iqr"], 1.5, what="'iqr' for [4, 1, 3, 2]")
    out = learner.summary_stats(np.array([1.0, 1.0, 2.0, 2.0, 4.0, 6.0, 9.0]))
    assert_scalar(out["mad"], 1.0, what="'mad' for [1, 1, 2, 2, 4, 6, 9]")


def test_single_value(learner):
    """One non-NaN value: mean = median = value, std is NaN, iqr and mad are 0."""
    for x in (np.array([2.5]), np.array([np.nan, -7.0, np.nan])):
        out = learner.summary_stats(x)
        v = float(x[~np.isnan(x)][0])
        _check(out, {"mean": v, "median": v, "std": float("nan"), "iqr": 0.0, "mad": 0.0},
               label=f"n=1 ({v:g}): ")


def test_integer_input(learner):
    """An int64 array gives the same float statistics as its float64 version."""
    x = np.array([12, 7, 3, 15, 7, 1, 22, 9], dtype=np.int64)
    out = learner.summary_stats(x)
    _check(out, _numpy_oracle(x.astype(np.float64)))
    assert type(out["median"]) is float, "values should be Python floats for integer input too"


def test_empty_or_all_nan_raises(learner):
    """An empty array or an all-NaN array raises ValueError."""
    with pytest.raises(ValueError):
        learner.summary_stats(np.array([], dtype=np.float64))
    with pytest.raises(ValueError):
        learner.summary_stats(np.array([np.nan, np.nan]))


def test_input_not_modified(learner):
    """The input array is left unchanged."""
    x = np.array([3.0, np.nan, -1.0, 8.0, np.nan, 2.0])
    _, after = learner.summary_stats.call_keep_args(x.copy())
    a = after[0]
    assert isinstance(a, np.ndarray) and a.shape == x.shape, "your function changed the input array"
    assert np.array_equal(a, x, equal_nan=True), "your function changed the input array's values"
