import numpy as np
import pandas as pd

from grader.checklib import assert_frame


def _example():
    return pd.DataFrame({
        "customer": ["c2", "c1", "c2", "c3", "c1", "c2"],
        "updated": pd.to_datetime(["2024-02-01", "2024-01-05", "2024-03-10", "2024-01-20", "2024-01-05",
                                   "2024-02-15"]),
        "plan": ["basic", "pro", "pro", "basic", "team", "basic"],
        "seats": [1, 5, 3, 1, 10, 2],
    })


def _oracle(df, key, ts):
    """Independent oracle: numpy lexsort on (key codes, time, position), last row of each key."""
    codes, _ = pd.factorize(df[key], sort=True)
    t = df[ts].to_numpy().astype("datetime64[ns]").astype(np.int64)
    order = np.lexsort((np.arange(len(df)), t, codes))
    c = codes[order]
    last = np.r_[c[1:] != c[:-1], True]
    return df.iloc[order[last]]


def test_worked_example(learner):
    """The worked example from the statement (a timestamp tie for one key)."""
    df = _example()
    assert_frame(learner.latest_per_key(df, "customer", "updated"), df.iloc[[4, 2, 3]])


def test_latest_row_kept(learner):
    """For each key the row with the latest timestamp is kept, not the earliest or the first seen."""
    df = pd.DataFrame({"id": [5, 5, 5, 2, 2],
                       "at": pd.to_datetime(["2023-03-01 10:00", "2023-03-01 12:00", "2023-03-01 11:00",
                                             "2023-01-01 00:00", "2022-12-31 00:00"]),
                       "status": ["a", "b", "c", "d", "e"]}, index=[100, 101, 102, 103, 104])
    assert_frame(learner.latest_per_key(df, "id", "at"), df.loc[[103, 101]])


def test_timestamp_tie_goes_to_last_row(learner):
    """When several rows share the latest timestamp, the row appearing last in the input wins."""
    t = pd.Timestamp("2020-05-05 05:05")
    df = pd.DataFrame({"k": ["z", "z", "y", "z", "y", "y"],
                       "t": [t, t, t, t - pd.Timedelta(hours=1), t, t],
                       "v": [1, 2, 3, 4, 5, 6]}, index=["r0", "r1", "r2", "r3", "r4", "r5"])
    assert_frame(learner.latest_per_key(df, "k", "t"), df.loc[["r5", "r1"]])


def test_rows_not_mixed(learner):
    """The kept row is copied whole: its other columns are not column-wise maxima of the key."""
    df = pd.DataFrame({"sku": ["p", "p", "q"],
                       "seen": pd.to_datetime(["2021-01-02", "2021-01-01", "2021-01-01"]),
                       "price": [1.0, 9.0, 4.0],
                       "label": ["aa", "zz", "mm"]})
    out = learner.latest_per_key(df, "sku", "seen")
    assert_frame(out, df.iloc[[0, 2]])


def test_unique_keys_unchanged_but_sorted(learner):
    """With all keys distinct the frame comes back unchanged apart from the order (sorted by key)."""
    df = pd.DataFrame({"user": [30, 10, 20, 40],
                       "ts": pd.to_datetime(["2020-01-01", "2019-01-01", "2021-06-30", "2018-02-02"]),
                       "score": np.array([0.5, 0.25, 0.75, 1.0], dtype=np.float32),
                       "name": ["c", "a", "b", "d"],
                       "ok": [True, False, True, False]}, index=[7, 3, 9, 1])
    assert_frame(learner.latest_per_key(df, "user", "ts"), df.loc[[3, 9, 7, 1]])


def test_columns_and_dtypes_unchanged(learner):
    """Same columns in the same order with the same dtypes; no column is added or removed."""
    df = _example()[["seats", "plan", "updated", "customer"]]
    out = learner.latest_per_key(df, "customer", "updated")
    assert isinstance(out, pd.DataFrame), "result should be a DataFrame"
    assert list(out.columns) == ["seats", "plan", "updated", "customer"], "the columns or their order changed"
    assert_frame(out, df.iloc[[4, 2, 3]])


def test_random_frame_matches_oracle(learner):
    """A random frame with many keys, repeated timestamps and a shuffled index matches an oracle."""
    rng = np.random.default_rng(13)
    n = 600
    df = pd.DataFrame({"acct": rng.choice([f"k{i:03d}" for i in range(90)], size=n),
                       "when": pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 20, size=n), unit="D"),
                       "amount": rng.normal(size=n),
                       "row": np.arange(n)}, index=rng.permutation(n) + 5000)
    assert_frame(learner.latest_per_key(df, "acct", "when"), _oracle(df, "acct", "when"))


def test_empty_frame(learner):
    """An empty frame gives an empty frame with the same columns and dtypes."""
    df = _example().iloc[:0]
    out = learner.latest_per_key(df, "customer", "updated")
    assert isinstance(out, pd.DataFrame) and len(out) == 0, "an empty input should give an empty DataFrame"
    assert_frame(out, df, check_index_type=False)


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged."""
    df = _example()
    df.index = [15, 14, 13, 12, 11, 10]
    _, after = learner.latest_per_key.call_keep_args(df.copy(deep=True), "customer", "updated")
    assert_frame(after[0], df, what="your input after the call")
