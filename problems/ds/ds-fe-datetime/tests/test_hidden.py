import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_frame, assert_series

COLS = ["year", "month", "dayofweek", "hour", "is_weekend", "days_since_first"]


def _expected(rows, index=None):
    df = pd.DataFrame(rows, columns=COLS, index=index)
    return df.astype({"year": "int64", "month": "int64", "dayofweek": "int64", "hour": "int64",
                      "is_weekend": "bool", "days_since_first": "float64"})


def _example():
    return pd.Series(pd.to_datetime(["2024-03-01 09:00:00", "2024-02-29 18:00:00",
                                     "2024-03-02 21:00:00", "2024-03-04 00:00:00"]), name="ts")


def test_worked_example(learner):
    """The worked example from the statement."""
    expected = _expected([[2024, 3, 4, 9, False, 0.625],
                          [2024, 2, 3, 18, False, 0.0],
                          [2024, 3, 5, 21, True, 2.125],
                          [2024, 3, 0, 0, False, 3.25]])
    assert_frame(learner.datetime_features(_example()), expected)


def test_saturday_and_sunday_are_weekend(learner):
    """Saturday and Sunday (any hour) are weekend; Friday 23:59 and Monday 00:00 are not."""
    ts = pd.Series(pd.to_datetime(["2024-06-07 23:59:00", "2024-06-08 00:00:00", "2024-06-08 12:00:00",
                                   "2024-06-09 23:59:00", "2024-06-10 00:00:00"]))
    out = learner.datetime_features(ts)
    assert isinstance(out, pd.DataFrame) and "is_weekend" in out.columns, "result needs an is_weekend column"
    assert_series(out["is_weekend"], pd.Series([False, True, True, True, False], name="is_weekend"),
                  what="is_weekend")
    assert_series(out["dayofweek"], pd.Series([4, 5, 5, 6, 0], dtype="int64", name="dayofweek"),
                  what="dayofweek (Monday = 0)")


def test_month_and_year_boundaries(learner):
    """Year, month and hour are right across a year end and a leap day."""
    ts = pd.Series(pd.to_datetime(["2023-12-31 23:30:00", "2024-01-01 00:15:00",
                                   "2024-02-29 12:00:00", "2024-03-01 06:00:00"]))
    out = learner.datetime_features(ts)
    expected = _expected([[2023, 12, 6, 23, True, 0.0],
                          [2024, 1, 0, 0, False, 0.03125],
                          [2024, 2, 3, 12, False, 59.5208333333333333],
                          [2024, 3, 4, 6, False, 60.2708333333333333]])
    assert_frame(out, expected)


def test_days_across_months_are_fractional(learner):
    """days_since_first counts real elapsed time in (fractional) days, also across month ends."""
    ts = pd.Series(pd.to_datetime(["2024-01-31 00:00:00", "2024-02-01 06:00:00",
                                   "2024-03-01 00:00:00", "2024-01-31 00:30:00"]))
    out = learner.datetime_features(ts)
    assert isinstance(out, pd.DataFrame) and "days_since_first" in out.columns, "result needs days_since_first"
    assert_series(out["days_since_first"],
                  pd.Series([0.0, 1.25, 30.0, 1.0 / 48.0], name="days_since_first"), what="days_since_first")


def test_earliest_not_first_row(learner):
    """The reference point is the earliest timestamp, not the first row."""
    ts = pd.Series(pd.to_datetime(["2022-05-10 12:00:00", "2022-05-08 00:00:00", "2022-05-09 18:00:00"]))
    out = learner.datetime_features(ts)
    assert isinstance(out, pd.DataFrame) and "days_since_first" in out.columns, "result needs days_since_first"
    assert_series(out["days_since_first"], pd.Series([2.5, 0.0, 1.75], name="days_since_first"),
                  what="days_since_first")


def test_string_input_parsed(learner, reference):
    """A Series of 'YYYY-MM-DD HH:MM:SS' strings gives the same features as the parsed timestamps."""
    raw = ["2021-07-03 08:00:00", "2021-07-05 20:30:00", "2020-12-31 23:00:00", "2021-01-01 01:00:00"]
    ts = pd.Series(raw, index=[7, 3, 5, 1], name="when")
    expected = reference.datetime_features(pd.Series(pd.to_datetime(raw), index=[7, 3, 5, 1]))
    assert_frame(learner.datetime_features(ts), expected)


def test_columns_dtypes_and_index(learner, reference):
    """Columns in the stated order with int64/bool/float64 dtypes; the input's index is kept."""
    rng = np.random.default_rng(5)
    base = pd.Timestamp("2019-11-20 00:00:00")
    secs = np.sort(rng.integers(0, 400 * 86400, size=60))
    rng.shuffle(secs)
    ts = pd.Series(base + pd.to_timedelta(secs, unit="s"), index=pd.Index(rng.permutation(60) * 10))
    out = learner.datetime_features(ts)
    assert isinstance(out, pd.DataFrame), "result should be a DataFrame"
    assert list(out.columns) == COLS, "columns should be year, month, dayofweek, hour, is_weekend, days_since_first"
    t = ts
    expected = pd.DataFrame({
        "year": [x.year for x in t], "month": [x.month for x in t], "dayofweek": [x.weekday() for x in t],
        "hour": [x.hour for x in t], "is_weekend": [x.weekday() >= 5 for x in t],
        "days_since_first": [(x - t.min()).total_seconds() / 86400 for x in t],
    }, index=ts.index).astype({"year": "int64", "month": "int64", "dayofweek": "int64", "hour": "int64"})
    assert_frame(out, expected)


def test_single_timestamp(learner):
    """One timestamp gives one row with days_since_first 0.0."""
    ts = pd.Series(pd.to_datetime(["2025-01-04 15:45:00"]), index=["only"])
    assert_frame(learner.datetime_features(ts), _expected([[2025, 1, 5, 15, True, 0.0]], index=["only"]))


def test_empty_raises(learner):
    """An empty Series raises ValueError."""
    with pytest.raises(ValueError):
        learner.datetime_features(pd.Series(pd.to_datetime([]), dtype="datetime64[ns]"))


def test_input_not_modified(learner):
    """The input Series is left unchanged."""
    ts = _example()
    _, after = learner.datetime_features.call_keep_args(ts.copy(deep=True))
    assert_series(after[0], ts, what="your input after the call")
