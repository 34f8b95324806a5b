import numpy as np
import pandas as pd

from grader.checklib import assert_frame, assert_series


def _example():
    return pd.DataFrame(
        {"account": ["A", "B", "A", "A", "B", "A"],
         "ts": pd.to_datetime(["2024-01-03", "2024-01-01", "2024-01-01",
                               "2024-01-02", "2024-01-02", "2024-01-02"]),
         "amount": [50, 100, 20, -5, -30, 10]},
        index=[10, 11, 12, 13, 14, 15])


def _oracle(df, account, ts, amount):
    """Independent oracle: explicit per-row sum over earlier-or-tied-earlier rows of the same account."""
    acc = df[account].to_numpy()
    t = df[ts].to_numpy()
    a = df[amount].to_numpy()
    out = np.empty(len(df), dtype=a.dtype)
    pos = np.arange(len(df))
    for i in range(len(df)):
        before = (acc == acc[i]) & ((t < t[i]) | ((t == t[i]) & (pos <= i)))
        out[i] = a[before].sum()
    return pd.Series(out, index=df.index, name="balance")


def test_worked_example(learner, reference):
    """The worked example from the statement."""
    df = _example()
    assert_series(learner.running_balance(df, "account", "ts", "amount"),
                  reference.running_balance(df, "account", "ts", "amount"))


def test_separate_accounts(learner):
    """Each account keeps its own running total (accounts never mix)."""
    df = pd.DataFrame({"acct": [1, 2, 1, 3, 2, 1], "t": [1, 2, 3, 4, 5, 6],
                       "amt": [10, 1000, 20, 5, 2000, 30]})
    expected = pd.Series([10, 1000, 30, 5, 3000, 60], name="balance")
    assert_series(learner.running_balance(df, "acct", "t", "amt"), expected)


def test_shuffled_rows_follow_time_order(learner):
    """Shuffled rows are accumulated in timestamp order, and the result is aligned with the input rows."""
    df = pd.DataFrame({"acct": ["x", "x", "x", "x"],
                       "t": pd.to_datetime(["2024-02-04", "2024-02-01", "2024-02-03", "2024-02-02"]),
                       "amt": [1.5, 100.0, -20.0, 0.25]},
                      index=pd.Index(["d", "a", "c", "b"], name="tx"))
    expected = pd.Series([81.75, 100.0, 80.25, 100.25], index=df.index, name="balance")
    assert_series(learner.running_balance(df, "acct", "t", "amt"), expected)


def test_negative_amounts(learner):
    """Negative amounts (withdrawals) decrease the balance, which may go below zero."""
    df = pd.DataFrame({"acct": ["s", "s", "s", "k"], "t": [3, 1, 2, 1], "amt": [-70, 40, -10, -5]})
    expected = pd.Series([-40, 40, 30, -5], name="balance")
    assert_series(learner.running_balance(df, "acct", "t", "amt"), expected)


def test_equal_timestamps_in_row_order(learner):
    """Rows of one account with equal timestamps are accumulated in their order in df."""
    rng = np.random.default_rng(4)
    n = 300
    df = pd.DataFrame({"acct": rng.choice(["a", "b", "c"], size=n),
                       "t": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 20, size=n), unit="D"),
                       "amt": rng.integers(-50, 100, size=n)},
                      index=rng.permutation(n) + 1000)
    assert_series(learner.running_balance(df, "acct", "t", "amt"), _oracle(df, "acct", "t", "amt"))


def test_int_and_float_dtypes(learner):
    """int64 amounts give an int64 balance; float64 amounts give a float64 balance."""
    df = pd.DataFrame({"a": [1, 1, 2], "t": [2, 1, 1], "v": np.array([3, 4, 5], dtype=np.int64)})
    assert_series(learner.running_balance(df, "a", "t", "v"),
                  pd.Series(np.array([7, 4, 5], dtype=np.int64), name="balance"), what="result for int64 amounts")
    df["v"] = [0.1, 0.2, 0.3]
    assert_series(learner.running_balance(df, "a", "t", "v"),
                  pd.Series([0.3, 0.2, 0.3], name="balance"), what="result for float64 amounts")


def test_single_row_and_empty(learner):
    """One row gives its own amount; zero rows give an empty Series with the same dtype."""
    df = pd.DataFrame({"a": ["z"], "t": [5], "v": [-2.5]}, index=[42])
    assert_series(learner.running_balance(df, "a", "t", "v"),
                  pd.Series([-2.5], index=[42], name="balance"), what="result for one row")
    empty = _example().iloc[:0]
    assert_series(learner.running_balance(empty, "account", "ts", "amount"),
                  pd.Series(np.array([], dtype=np.int64), index=empty.index, name="balance"),
                  what="result for zero rows", check_index_type=False)


def test_random_matches_oracle(learner):
    """Random shuffled ledger with many accounts and float amounts matches a brute-force oracle."""
    rng = np.random.default_rng(9)
    n = 400
    df = pd.DataFrame({"id": np.arange(n),
                       "user": rng.integers(0, 25, size=n),
                       "when": rng.integers(0, 10_000, size=n),
                       "delta": np.round(rng.normal(0, 30, size=n), 2)},
                      index=rng.permutation(n))
    assert_series(learner.running_balance(df, "user", "when", "delta"), _oracle(df, "user", "when", "delta"))


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged."""
    df = _example()
    _, after = learner.running_balance.call_keep_args(df.copy(deep=True), "account", "ts", "amount")
    assert_frame(after[0], df, what="your input after the call")
