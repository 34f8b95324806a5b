import math

import numpy as np
from sklearn.metrics import (mean_absolute_error, mean_absolute_percentage_error, r2_score,
                             root_mean_squared_error)

from grader.checklib import assert_array, assert_scalar

KEYS = ("mae", "rmse", "r2", "mape")


def _check(result, expected, what="report", keys=KEYS):
    assert isinstance(result, dict), f"{what} should be a dict, got {type(result).__name__}"
    assert set(result) == set(KEYS), f"{what} keys should be exactly {list(KEYS)}, got {sorted(map(str, result))[:8]}"
    for k in keys:
        v = result[k]
        assert isinstance(v, (float, np.floating)), f"'{k}' in the {what} should be a float, got {type(v).__name__}"
        assert_scalar(v, expected[k], what=f"'{k}' in the {what}")


def _sklearn(y, f):
    nz = y != 0
    return {"mae": mean_absolute_error(y, f), "rmse": root_mean_squared_error(y, f),
            "r2": r2_score(y, f), "mape": mean_absolute_percentage_error(y[nz], f[nz])}


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def test_worked_example(learner):
    """The worked example from the statement (one row with y = 0) gives the stated values."""
    out = learner.regression_report(np.array([3.0, 0.0, 2.0, 5.0]), np.array([2.5, 0.5, 2.0, 7.0]))
    _check(out, {"mae": 0.75, "rmse": math.sqrt(4.5 / 4), "r2": 1 - 4.5 / 13, "mape": (0.5 / 3 + 0.4) / 3})


def test_matches_sklearn_ordinary_data(learner):
    """Ordinary data without zeros: MAE, RMSE, R2 and MAPE match sklearn."""
    rng = np.random.default_rng(50)
    for n in (2, 50, 2000):
        y = rng.normal(10, 3, size=n)
        f = y + rng.normal(0, 2, size=n) + 0.5
        _check(learner.regression_report(y, f), _sklearn(y, f), what=f"report (n={n})")


def test_poor_predictions_negative_r2(learner):
    """Predictions worse than the mean give a negative R2 (denominator is the spread of y)."""
    y = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    f = np.array([5.0, 1.0, 4.0, 2.0, 3.5])
    out = learner.regression_report(y, f)
    _check(out, _sklearn(y, f))
    rng = np.random.default_rng(51)
    y = rng.normal(0, 1, size=300)
    f = 3.0 * y + rng.normal(0, 0.5, size=300)
    _check(learner.regression_report(y, f), _sklearn(y, f), what="report for over-scaled predictions")


def test_zeros_in_y_skipped_by_mape(learner):
    """Rows with y = 0 are skipped by MAPE (sum and count); the other metrics use every row."""
    rng = np.random.default_rng(52)
    y = rng.integers(-5, 6, size=400).astype(np.float64)
    y[:3] = 0.0
    f = y + rng.normal(0, 1, size=400)
    _check(learner.regression_report(y, f), _sklearn(y, f), what="report with zeros in y")


def test_all_zero_y_gives_nan_mape(learner):
    """Every y equal to 0: MAPE is nan (and R2 is nan because y is constant)."""
    out = learner.regression_report(np.zeros(4), np.array([1.0, -1.0, 0.0, 2.0]))
    _check(out, {"mae": 1.0, "rmse": math.sqrt(1.5), "r2": math.nan, "mape": math.nan},
           what="report for all-zero y")


def test_constant_y_gives_nan_r2(learner):
    """Constant y gives R2 = nan, with perfect or imperfect predictions, also for y = [0.1, 0.1, 0.1]."""
    out = learner.regression_report(np.full(5, 3.0), np.full(5, 3.0))
    _check(out, {"mae": 0.0, "rmse": 0.0, "r2": math.nan, "mape": 0.0}, what="report for constant y, perfect fit")
    y = np.array([0.1, 0.1, 0.1])
    f = np.array([0.2, 0.0, 0.1])
    _check(learner.regression_report(y, f), {"mae": 0.2 / 3, "rmse": math.sqrt(0.02 / 3), "r2": math.nan,
                                             "mape": 2 / 3}, what="report for y = [0.1, 0.1, 0.1]")


def test_integer_inputs_and_single_row(learner):
    """Integer arrays are accepted; a single row gives finite errors and R2 = nan."""
    y = np.array([3, -1, 4, 1, -5, 9], dtype=np.int64)
    f = np.array([2, 0, 4, 3, -5, 6], dtype=np.int64)
    _check(learner.regression_report(y, f), _sklearn(y.astype(float), f.astype(float)), what="report for int input")
    out = learner.regression_report(np.array([2.0]), np.array([3.0]))
    _check(out, {"mae": 1.0, "rmse": 1.0, "r2": math.nan, "mape": 0.5}, what="report for a single row")


def test_invalid_input_raises(learner):
    """Empty inputs or inputs of different lengths raise ValueError."""
    _expect_value_error(lambda: learner.regression_report(np.array([], dtype=np.float64), np.array([], dtype=np.float64)),
                        "empty input")
    _expect_value_error(lambda: learner.regression_report(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0])),
                        "inputs of different lengths")


def test_inputs_not_modified(learner):
    """The input arrays are left unchanged."""
    y = np.array([3.0, 0.0, 2.0, 5.0, -1.0])
    f = np.array([2.5, 0.5, 2.0, 7.0, -1.5])
    _, after = learner.regression_report.call_keep_args(y.copy(), f.copy())
    assert_array(after[0], y, rtol=0, atol=0, what="y after the call")
    assert_array(after[1], f, rtol=0, atol=0, what="yhat after the call")
