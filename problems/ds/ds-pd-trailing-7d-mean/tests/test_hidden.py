import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_frame, assert_series


def _example():
    return pd.DataFrame({
        "day": pd.to_datetime(["2024-03-05", "2024-03-01", "2024-03-07", "2024-03-01", "2024-03-08", "2024-03-20"]),
        "sales": [5.0, 1.0, 6.0, 3.0, 7.0, 10.0],
    }, index=["a", "b", "c", "d", "e", "f"])


def _oracle(df, date_col, value_col):
    """Independent oracle: explicit mask per row over the whole frame."""
    days = df[date_col].to_numpy().astype("datetime64[D]").astype(np.int64)
    vals = df[value_col].to_numpy(dtype=np.float64)
    out = np.array([vals[(days <= d) & (days >= d - 6)].mean() for d in days])
    return pd.Series(out, index=df.index, name=value_col, dtype="float64")


def _s(values, index, name):
    return pd.Series(np.array(values, dtype=np.float64), index=index, name=name)


def test_worked_example(learner):
    """The worked example from the statement (shared date, six-days-back edge, shuffled rows)."""
    expected = _s([3.0, 2.0, 3.75, 2.0, 6.0, 10.0], list("abcdef"), "sales")
    assert_series(learner.trailing_7d_mean(_example(), "day", "sales"), expected)


def test_duplicated_dates_see_each_other(learner):
    """Rows sharing a date are all in each other's window, whichever comes first in the input."""
    df = pd.DataFrame({"d": pd.to_datetime(["2023-05-01", "2023-05-01", "2023-05-05", "2023-05-05", "2023-05-05"]),
                       "v": [1.0, 3.0, 5.0, 9.0, 1.0]})
    expected = _s([2.0, 2.0, 19.0 / 5, 19.0 / 5, 19.0 / 5], pd.RangeIndex(5), "v")
    assert_series(learner.trailing_7d_mean(df, "d", "v"), expected)


def test_window_is_seven_calendar_days(learner):
    """Gaps of several days: a date 6 days back is inside the window, 7 days back is outside."""
    df = pd.DataFrame({"t": pd.to_datetime(["2022-01-01", "2022-01-07", "2022-01-08", "2022-01-20", "2022-02-03"]),
                       "x": [2.0, 4.0, 6.0, 8.0, 1.0]})
    # Jan 7 sees Jan 1 (6 days back); Jan 8 does not (7 days back); Jan 20 and Feb 3 are alone.
    expected = _s([2.0, 3.0, 5.0, 8.0, 1.0], pd.RangeIndex(5), "x")
    assert_series(learner.trailing_7d_mean(df, "t", "x"), expected)


def test_not_a_seven_row_window(learner):
    """More than seven rows inside seven days all count (the window is by date, not by row count)."""
    dates = pd.to_datetime(["2021-06-01"] * 4 + ["2021-06-03"] * 4 + ["2021-06-04"] * 2)
    vals = np.arange(1.0, 11.0)
    df = pd.DataFrame({"when": dates, "y": vals})
    expected = _s([2.5] * 4 + [4.5] * 4 + [5.5] * 2, pd.RangeIndex(10), "y")
    assert_series(learner.trailing_7d_mean(df, "when", "y"), expected)


def test_shuffled_input_keeps_input_order(learner):
    """Shuffled rows with a non-default index: each value sits at its own row's label, in input order."""
    rng = np.random.default_rng(3)
    n = 60
    dates = pd.Timestamp("2020-02-20") + pd.to_timedelta(rng.integers(0, 30, size=n), unit="D")
    df = pd.DataFrame({"date": dates, "val": rng.normal(size=n).round(3)},
                      index=pd.Index(rng.permutation(n) * 7 + 3))
    assert_series(learner.trailing_7d_mean(df, "date", "val"), _oracle(df, "date", "val"))


def test_earliest_date_is_its_own_mean(learner):
    """The earliest date's rows get the mean of that date's values only; a single row gives its value."""
    df = pd.DataFrame({"d": pd.to_datetime(["2024-01-05", "2024-01-02", "2024-01-02"]), "v": [100.0, 4.0, 8.0]},
                      index=[2, 1, 0])
    assert_series(learner.trailing_7d_mean(df, "d", "v"), _s([(100 + 4 + 8) / 3, 6.0, 6.0], [2, 1, 0], "v"))
    one = pd.DataFrame({"d": pd.to_datetime(["2024-01-10"]), "v": [7.5]})
    assert_series(learner.trailing_7d_mean(one, "d", "v"), _s([7.5], pd.RangeIndex(1), "v"),
                  what="result for a single row")


def test_integer_values_give_float64(learner):
    """An int64 value column gives a float64 result named after the value column."""
    df = pd.DataFrame({"day": pd.to_datetime(["2019-09-09", "2019-09-10", "2019-09-10"]),
                       "clicks": np.array([1, 2, 4], dtype=np.int64)})
    assert_series(learner.trailing_7d_mean(df, "day", "clicks"), _s([1.0, 7.0 / 3, 7.0 / 3], pd.RangeIndex(3), "clicks"))


def test_random_frame_matches_oracle(learner):
    """A larger random frame (many repeated dates, gaps, extra columns) matches an independent oracle."""
    rng = np.random.default_rng(21)
    n = 1500
    days = np.sort(rng.choice(400, size=120, replace=False))
    dates = pd.Timestamp("2018-12-25") + pd.to_timedelta(rng.choice(days, size=n), unit="D")
    df = pd.DataFrame({"id": np.arange(n), "date": dates, "amount": rng.gamma(2.0, 10.0, size=n),
                       "shop": rng.choice(["n", "s"], size=n)}, index=rng.permutation(n))
    assert_series(learner.trailing_7d_mean(df, "date", "amount"), _oracle(df, "date", "amount"))


def test_empty_raises(learner):
    """An empty frame raises ValueError."""
    with pytest.raises(ValueError):
        learner.trailing_7d_mean(_example().iloc[:0], "day", "sales")


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged."""
    df = _example()
    _, after = learner.trailing_7d_mean.call_keep_args(df.copy(deep=True), "day", "sales")
    assert_frame(after[0], df, what="your input after the call")
