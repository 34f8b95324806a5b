import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_frame, assert_series


def _example():
    return pd.DataFrame({
        "user": ["ann", "bob", "ann", "ann", "bob", "ann", "bob"],
        "time": pd.to_datetime(["2024-05-01 09:00", "2024-05-01 09:10", "2024-05-01 09:30", "2024-05-01 10:05",
                                "2024-05-01 09:40", "2024-05-01 09:20", "2024-05-01 11:00"]),
    })


def _s(values, index):
    return pd.Series(np.array(values, dtype=np.int64), index=index, name="session")


def _oracle(df, user_col, ts_col, gap_minutes):
    """Independent oracle: numpy lexsort on (time, user codes), explicit loop over the sorted events."""
    codes, _ = pd.factorize(df[user_col])
    t = df[ts_col].to_numpy().astype("datetime64[s]").astype(np.int64)
    order = np.lexsort((t, codes))
    out = np.zeros(len(df), dtype=np.int64)
    prev_code, prev_t, cur = None, None, 0
    for i in order:
        if codes[i] != prev_code:
            cur = 1
        elif t[i] - prev_t > gap_minutes * 60:
            cur += 1
        out[i] = cur
        prev_code, prev_t = codes[i], t[i]
    return _s(out, df.index)


def test_worked_example(learner):
    """The worked example from the statement."""
    assert_series(learner.assign_sessions(_example(), "user", "time"), _s([1, 1, 1, 2, 1, 1, 2], pd.RangeIndex(7)))


def test_gap_of_exactly_limit_stays(learner):
    """A gap of exactly 30 minutes stays in the session; 30 minutes and 1 second starts a new one."""
    df = pd.DataFrame({"u": [7, 7, 7, 7],
                       "ts": pd.to_datetime(["2023-01-01 00:00:00", "2023-01-01 00:30:00",
                                             "2023-01-01 01:00:01", "2023-01-01 01:30:01"])})
    assert_series(learner.assign_sessions(df, "u", "ts"), _s([1, 1, 2, 2], pd.RangeIndex(4)))


def test_interleaved_users_use_own_previous_event(learner):
    """Gaps are measured from the same user's previous event, not from other users' events."""
    base = pd.Timestamp("2022-06-01 08:00")
    mins = [0, 20, 40, 60, 80, 100, 120, 140]
    df = pd.DataFrame({"user": ["a", "b", "a", "b", "a", "b", "a", "b"],
                       "time": [base + pd.Timedelta(minutes=m) for m in mins]})
    # every user's own gaps are 40 minutes (> 30) although consecutive events are 20 minutes apart
    assert_series(learner.assign_sessions(df, "user", "time"), _s([1, 1, 2, 2, 3, 3, 4, 4], pd.RangeIndex(8)))


def test_numbering_restarts_per_user(learner):
    """Every user's first session is 1, and one-event users get 1."""
    df = pd.DataFrame({"uid": [3, 1, 2, 1, 3, 4],
                       "t": pd.to_datetime(["2021-01-01 10:00", "2021-01-01 09:00", "2021-01-01 12:00",
                                            "2021-01-01 11:00", "2021-01-01 13:00", "2021-01-01 09:30"])},
                      index=[60, 50, 40, 30, 20, 10])
    assert_series(learner.assign_sessions(df, "uid", "t"), _s([1, 1, 1, 2, 2, 1], [60, 50, 40, 30, 20, 10]))


def test_shuffled_rows_stay_aligned(learner):
    """Shuffled rows with a string index: each session number sits at its own row's label."""
    rng = np.random.default_rng(8)
    n = 80
    df = pd.DataFrame({"user": rng.choice(["x", "y", "z"], size=n),
                       "ts": pd.Timestamp("2020-03-01") + pd.to_timedelta(rng.integers(0, 24 * 60, size=n), unit="min")},
                      index=[f"e{i}" for i in rng.permutation(n)])
    assert_series(learner.assign_sessions(df, "user", "ts", 45), _oracle(df, "user", "ts", 45))


def test_custom_gap_and_equal_timestamps(learner):
    """gap_minutes=5 and gap_minutes=0: equal timestamps always share a session."""
    df = pd.DataFrame({"u": ["k"] * 5,
                       "ts": pd.to_datetime(["2020-01-01 00:10", "2020-01-01 00:00", "2020-01-01 00:05",
                                             "2020-01-01 00:10", "2020-01-01 00:16"])})
    assert_series(learner.assign_sessions(df, "u", "ts", 5), _s([1, 1, 1, 1, 2], pd.RangeIndex(5)),
                  what="result for gap_minutes=5")
    assert_series(learner.assign_sessions(df, "u", "ts", gap_minutes=0), _s([3, 1, 2, 3, 4], pd.RangeIndex(5)),
                  what="result for gap_minutes=0")


def test_random_frame_matches_oracle(learner):
    """A larger random log (many users, unsorted, duplicate times) matches an independent oracle."""
    rng = np.random.default_rng(17)
    n = 2000
    df = pd.DataFrame({"page": rng.integers(0, 50, size=n),
                       "user": rng.integers(0, 120, size=n),
                       "ts": pd.Timestamp("2019-07-01") + pd.to_timedelta(rng.integers(0, 3 * 24 * 60, size=n) * 60
                                                                          + rng.choice([0, 0, 30], size=n), unit="s")},
                      index=rng.permutation(n))
    assert_series(learner.assign_sessions(df, "user", "ts"), _oracle(df, "user", "ts", 30))


def test_empty_frame_gives_empty_int64(learner):
    """An empty frame gives an empty int64 Series named 'session'."""
    out = learner.assign_sessions(_example().iloc[:0], "user", "time")
    assert_series(out, pd.Series([], index=pd.RangeIndex(0), dtype="int64", name="session"))


def test_negative_gap_raises(learner):
    """A negative gap_minutes raises ValueError."""
    with pytest.raises(ValueError):
        learner.assign_sessions(_example(), "user", "time", -1)


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged."""
    df = _example()
    df.index = [9, 8, 7, 6, 5, 4, 3]
    _, after = learner.assign_sessions.call_keep_args(df.copy(deep=True), "user", "time", 30)
    assert_frame(after[0], df, what="your input after the call")
