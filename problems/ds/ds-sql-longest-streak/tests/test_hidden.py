import numpy as np
import pandas as pd

from grader.checklib import assert_frame, assert_series


def _example():
    return pd.DataFrame({
        "user": ["cat", "ann", "bob", "ann", "cat", "ann", "cat", "ann", "bob", "cat", "ann", "cat"],
        "ts": pd.to_datetime([
            "2024-02-28 10:00", "2024-01-31 09:00", "2024-03-05 12:00", "2024-02-03 18:00",
            "2024-03-01 23:59", "2024-01-30 08:00", "2024-02-29 00:01", "2024-01-31 21:00",
            "2024-03-05 13:00", "2024-02-27 06:00", "2024-02-01 07:30", "2024-03-10 11:00"])})


def _expected(users, values, name, dtype="str"):
    return pd.Series(np.array(values, dtype=np.int64), index=pd.Index(users, dtype=dtype, name=name),
                     name="longest_streak")


def _oracle(df, user, date):
    """Independent oracle: for each user, count how far each active day extends forward."""
    res = {}
    for u, g in df.groupby(user):
        days = {ts.date().toordinal() for ts in g[date]}
        best = 0
        for d in days:
            if d - 1 not in days:
                k = 0
                while d + k in days:
                    k += 1
                best = max(best, k)
        res[u] = best
    users = sorted(res)
    return _expected(users, [res[u] for u in users], user, df[user].dtype)


def test_worked_example(learner, reference):
    """The worked example from the statement."""
    df = _example()
    assert_series(learner.longest_streak(df, "user", "ts"), reference.longest_streak(df, "user", "ts"))


def test_same_day_events_count_once(learner):
    """Several events on one day count as a single active day."""
    df = pd.DataFrame({"u": ["a"] * 6 + ["b"] * 3,
                       "t": pd.to_datetime(["2024-05-01 08:00", "2024-05-01 09:00", "2024-05-01 10:00",
                                            "2024-05-02 08:00", "2024-05-02 20:00", "2024-05-04 08:00",
                                            "2024-05-07 01:00", "2024-05-07 02:00", "2024-05-07 03:00"])})
    assert_series(learner.longest_streak(df, "u", "t"), _expected(["a", "b"], [2, 1], "u"))


def test_gaps_break_streaks(learner):
    """A missing day breaks the streak; the longest run counts, not the total number of days."""
    days = ["2024-04-01", "2024-04-02", "2024-04-04", "2024-04-05", "2024-04-06", "2024-04-07",
            "2024-04-09", "2024-04-20", "2024-04-21"]
    df = pd.DataFrame({"who": ["z"] * len(days), "day": pd.to_datetime(days)}).iloc[::-1]
    assert_series(learner.longest_streak(df, "who", "day"), _expected(["z"], [4], "who"))


def test_single_day_users_give_one(learner):
    """Users active on a single day, or never on two consecutive days, get 1."""
    df = pd.DataFrame({"u": ["p", "q", "q", "r", "r", "r"],
                       "t": pd.to_datetime(["2024-01-10 00:00", "2024-01-10 05:00", "2024-01-10 23:00",
                                            "2024-01-01 00:00", "2024-01-03 00:00", "2024-01-05 00:00"])})
    assert_series(learner.longest_streak(df, "u", "t"), _expected(["p", "q", "r"], [1, 1, 1], "u"))


def test_month_and_year_boundaries(learner):
    """Streaks cross month ends (non-leap February) and the new year."""
    df = pd.DataFrame({"u": ["m"] * 4 + ["y"] * 4,
                       "t": pd.to_datetime(["2023-02-27", "2023-02-28", "2023-03-01", "2023-03-02",
                                            "2022-12-30", "2022-12-31", "2023-01-01", "2023-01-03"])})
    df["t"] = df["t"].astype("datetime64[s]")
    assert_series(learner.longest_streak(df, "u", "t"), _expected(["m", "y"], [4, 3], "u"))


def test_time_of_day_ignored(learner):
    """Only the calendar day matters: 23:50 then 00:10 next day chain, and so do events 40 h apart."""
    df = pd.DataFrame({"u": ["a", "a", "a", "b", "b"],
                       "t": pd.to_datetime(["2024-08-01 23:50", "2024-08-02 00:10", "2024-08-03 23:59",
                                            "2024-08-05 00:00", "2024-08-06 16:00"])})
    assert_series(learner.longest_streak(df, "u", "t"), _expected(["a", "b"], [3, 2], "u"))


def test_output_format_int_users(learner):
    """Integer user ids give an int64 index, sorted ascending and named after the user column."""
    df = pd.DataFrame({"uid": [30, 5, 30, 12, 5, 30],
                       "at": pd.to_datetime(["2024-01-02", "2024-01-09", "2024-01-01", "2024-01-01",
                                             "2024-01-10", "2024-01-03"])},
                      index=[9, 8, 7, 6, 5, 4])
    assert_series(learner.longest_streak(df, "uid", "at"), _expected([5, 12, 30], [2, 1, 3], "uid", "int64"))


def test_random_matches_oracle(learner):
    """A random event log (many users, repeated days, gaps, boundaries) matches a brute-force oracle."""
    rng = np.random.default_rng(13)
    n = 1500
    start = pd.Timestamp("2023-12-15")
    df = pd.DataFrame({"user": rng.choice([f"u{i:02d}" for i in range(40)], size=n),
                       "when": start + pd.to_timedelta(rng.integers(0, 80 * 24 * 60, size=n), unit="min")})
    assert_series(learner.longest_streak(df, "user", "when"), _oracle(df, "user", "when"))


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged."""
    df = _example()
    _, after = learner.longest_streak.call_keep_args(df.copy(deep=True), "user", "ts")
    assert_frame(after[0], df, what="your input after the call")
