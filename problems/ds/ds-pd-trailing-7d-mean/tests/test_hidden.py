import numpy as np
import pandas as pd

from grader.checklib import assert_frame, assert_raises, assert_series, covers


def _example():
    return pd.DataFrame({
        "day": pd.to_datetime(["2024-03-05", "2024-03-01", "2024-03-07", "2024-03-01", "2024-03-08", "2024-03-20"]),
        "sales": [5.0, 1.0, 6.0, 3.0, 7.0, 10.0],
    }, index=["a", "b", "c", "d", "e", "f"])


def _oracle(df, date_col, value_col):
    """Independent oracle: an explicit mask per row over the whole frame (no running sums)."""
    days = df[date_col].to_numpy().astype("datetime64[D]").astype(np.int64)
    vals = df[value_col].to_numpy(dtype=np.float64)
    out = np.array([vals[(days <= d) & (days >= d - 6)].mean() for d in days])
    return pd.Series(out, index=df.index, name=value_col, dtype="float64")


def _s(values, index, name):
    return pd.Series(np.array(values, dtype=np.float64), index=index, name=name)


@covers("seven-calendar-days", "same-date-shared", "row-weighted-mean", "same-index-order")
def test_worked_example(learner):
    """The worked example from the statement (shared date, six-days-back edge, shuffled rows)."""
    expected = _s([3.0, 2.0, 3.75, 2.0, 6.0, 10.0], list("abcdef"), "sales")
    assert_series(learner.trailing_7d_mean(_example(), "day", "sales"), expected)


@covers("same-date-shared")
def test_duplicated_dates_see_each_other(learner):
    """Rows sharing a date are all in each other's window, whichever comes first in the input."""
    df = pd.DataFrame({"d": pd.to_datetime(["2023-05-01", "2023-05-01", "2023-05-05", "2023-05-05", "2023-05-05"]),
                       "v": [1.0, 3.0, 5.0, 9.0, 1.0]})
    expected = _s([2.0, 2.0, 19.0 / 5, 19.0 / 5, 19.0 / 5], pd.RangeIndex(5), "v")
    assert_series(learner.trailing_7d_mean(df, "d", "v"), expected)
    rev = df.iloc[::-1]  # the same rows, latest first
    assert_series(learner.trailing_7d_mean(rev, "d", "v"), expected.iloc[::-1], what="result for reversed rows")


@covers("seven-calendar-days", "same-date-shared")
def test_window_is_seven_calendar_days(learner):
    """Gaps of several days: a date 6 days back is inside the window, 7 days back is outside."""
    df = pd.DataFrame({"t": pd.to_datetime(["2022-01-01", "2022-01-07", "2022-01-08", "2022-01-20", "2022-02-03"]),
                       "x": [2.0, 4.0, 6.0, 8.0, 1.0]})
    # Jan 7 sees Jan 1 (6 days back); Jan 8 does not (7 days back); Jan 20 and Feb 3 are alone.
    expected = _s([2.0, 3.0, 5.0, 8.0, 1.0], pd.RangeIndex(5), "x")
    assert_series(learner.trailing_7d_mean(df, "t", "x"), expected)
    one = pd.DataFrame({"d": pd.to_datetime(["2024-01-10"]), "v": [7.5]})
    assert_series(learner.trailing_7d_mean(one, "d", "v"), _s([7.5], pd.RangeIndex(1), "v"),
                  what="result for a single row")


@covers("seven-calendar-days", "row-weighted-mean")
def test_not_a_seven_row_window(learner):
    """More than seven rows inside seven days all count, each row once (the window is by date, not by row count)."""
    dates = pd.to_datetime(["2021-06-01"] * 4 + ["2021-06-03"] * 4 + ["2021-06-04"] * 2)
    vals = np.arange(1.0, 11.0)
    df = pd.DataFrame({"when": dates, "y": vals})
    expected = _s([2.5] * 4 + [4.5] * 4 + [5.5] * 2, pd.RangeIndex(10), "y")
    assert_series(learner.trailing_7d_mean(df, "when", "y"), expected)


@covers("any-order-input", "same-index-order")
def test_shuffled_input_keeps_input_order(learner):
    """Shuffled rows with a non-default, unsorted index: each value sits at its own row's label, in input order."""
    rng = np.random.default_rng(3)
    n = 60
    dates = pd.Timestamp("2020-02-20") + pd.to_timedelta(rng.integers(0, 30, size=n), unit="D")
    df = pd.DataFrame({"date": dates, "val": rng.normal(size=n).round(3)},
                      index=pd.Index(rng.permutation(n) * 7 + 3))
    assert_series(learner.trailing_7d_mean(df, "date", "val"), _oracle(df, "date", "val"))
    labels = pd.Index([f"r{i}" for i in rng.permutation(n)])
    df2 = df.set_axis(labels)
    assert_series(learner.trailing_7d_mean(df2, "date", "val"), _oracle(df2, "date", "val"),
                  what="result with string labels")


@covers("seven-calendar-days", "same-date-shared")
def test_earliest_date_is_its_own_mean(learner):
    """The earliest date's rows get the mean of that date's values only."""
    df = pd.DataFrame({"d": pd.to_datetime(["2024-01-05", "2024-01-02", "2024-01-02"]), "v": [100.0, 4.0, 8.0]},
                      index=[2, 1, 0])
    assert_series(learner.trailing_7d_mean(df, "d", "v"), _s([(100 + 4 + 8) / 3, 6.0, 6.0], [2, 1, 0], "v"))


@covers("float64-series")
def test_integer_values_give_float64(learner):
    """An int64 value column gives a float64 Series (non-integer means) named after the value column."""
    df = pd.DataFrame({"day": pd.to_datetime(["2019-09-09", "2019-09-10", "2019-09-10"]),
                       "clicks": np.array([1, 2, 4], dtype=np.int64)})
    assert_series(learner.trailing_7d_mean(df, "day", "clicks"), _s([1.0, 7.0 / 3, 7.0 / 3], pd.RangeIndex(3), "clicks"))
    df = pd.DataFrame({"when": pd.to_datetime(["2019-09-09", "2019-09-12"]), "amount": [0.5, 2.0]})
    assert_series(learner.trailing_7d_mean(df, "when", "amount"), _s([0.5, 1.25], pd.RangeIndex(2), "amount"),
                  what="result for a float64 column")


@covers("seven-calendar-days", "same-date-shared", "row-weighted-mean", "any-order-input", "same-index-order")
def test_random_frame_matches_oracle(learner):
    """A larger random frame (many repeated dates, gaps, extra columns, shuffled) matches an independent oracle."""
    rng = np.random.default_rng(21)
    n = 1500
    days = np.sort(rng.choice(400, size=120, replace=False))
    dates = pd.Timestamp("2018-12-25") + pd.to_timedelta(rng.choice(days, size=n), unit="D")
    df = pd.DataFrame({"id": np.arange(n), "date": dates, "amount": rng.gamma(2.0, 10.0, size=n),
                       "shop": rng.choice(["n", "s"], size=n)}, index=rng.permutation(n))
    assert_series(learner.trailing_7d_mean(df, "date", "amount"), _oracle(df, "date", "amount"))


@covers("magnitudes")
def test_values_of_very_different_sizes(learner):
    """Periods of huge values, then (after a pause of over a week) tiny ones; large values that nearly cancel.

    Window sums taken as differences of one running total over the whole frame lose the small values
    once the large ones have been added in (0 instead of 0.0015), although the window holds only small values.
    The periods are 45 days long, with at least 15 days without rows between them. Then gains and losses of
    about 1e8 with cents, which float32 arithmetic cannot keep. Every mean must be accurate to a relative 1e-6.
    """
    rng = np.random.default_rng(8)
    parts = []
    for start, size, scale in ((0, 40, 1e12), (60, 50, 1e-3), (120, 20, 3e9), (180, 60, 0.05)):
        days = rng.integers(start, start + 45, size=size)
        parts.append(pd.DataFrame({"d": pd.Timestamp("2021-01-01") + pd.to_timedelta(days, unit="D"),
                                   "v": rng.uniform(0.5, 2.0, size=size) * scale}))
    df = pd.concat(parts, ignore_index=True)
    df = df.iloc[rng.permutation(len(df))]
    assert_series(learner.trailing_7d_mean(df, "d", "v"), _oracle(df, "d", "v"), rtol=1e-6, atol=0.0)
    # Gains and losses of about 1e8 that nearly cancel inside a window: float64 keeps the cents.
    days = np.repeat(rng.integers(0, 40, size=40), 2)  # each gain shares its day with a loss
    pnl = np.round(rng.uniform(1.2e8, 1.3e8, size=80) * np.where(np.arange(80) % 2 == 0, 1.0, -1.0), 2)
    pnl[1::2] = -np.round(pnl[::2] - rng.uniform(1.0, 9.0, size=40), 2)
    df = pd.DataFrame({"d": pd.Timestamp("2022-05-01") + pd.to_timedelta(days, unit="D"), "v": pnl})
    assert_series(learner.trailing_7d_mean(df, "d", "v"), _oracle(df, "d", "v"), rtol=1e-6, atol=0.0,
                  what="result for large gains and losses that nearly cancel")


@covers("empty-raises")
def test_empty_raises(learner):
    """An empty frame raises ValueError."""
    with assert_raises(ValueError, "an empty df"):
        learner.trailing_7d_mean(_example().iloc[:0], "day", "sales")


@covers("input-unchanged")
def test_input_not_modified(learner):
    """Your function leaves its input DataFrame exactly as it was (columns, dtypes, values, row order)."""
    df = _example()
    df["units"] = np.array([3, 1, 4, 1, 5, 9], dtype=np.int64)
    for value_col in ("sales", "units"):
        _, after = learner.trailing_7d_mean.call_keep_args(df.copy(deep=True), "day", value_col)
        assert_frame(after[0], df, what=f"your input after the call (value column {value_col!r})", check_exact=True)
