import numpy as np
import pandas as pd

from grader.checklib import assert_frame


def T(*s):
    return pd.to_datetime(list(s))


def _example():
    trades = pd.DataFrame(
        {"id": [101, 102, 103, 104, 105],
         "ticker": ["AAA", "BBB", "AAA", "AAA", "CCC"],
         "time": T("2024-05-01 09:31", "2024-05-01 09:30", "2024-05-01 09:29",
                   "2024-05-01 09:35", "2024-05-01 09:33"),
         "qty": [10, 5, 7, 2, 1]},
        index=[4, 3, 2, 1, 0])
    quotes = pd.DataFrame(
        {"ticker": ["AAA", "BBB", "AAA", "BBB", "AAA"],
         "time": T("2024-05-01 09:34", "2024-05-01 09:30", "2024-05-01 09:30",
                   "2024-05-01 09:32", "2024-05-01 09:31"),
         "price": [10.4, 55.0, 10.0, 55.5, 10.2]})
    return trades, quotes


def _with_price(trades, prices):
    out = trades.copy()
    out["price"] = np.array(prices, dtype=np.float64)
    return out


def _oracle(trades, quotes):
    """Independent oracle: for each trade, filter the quotes and take the row with the largest time."""
    prices = []
    for tk, t in zip(trades["ticker"], trades["time"]):
        q = quotes[(quotes["ticker"] == tk) & (quotes["time"] <= t)]
        prices.append(q["price"].iloc[int(np.argmax(q["time"].to_numpy()))] if len(q) else np.nan)
    return _with_price(trades, prices)


def test_worked_example(learner, reference):
    """The worked example from the statement."""
    trades, quotes = _example()
    assert_frame(learner.attach_last_quote(trades, quotes), reference.attach_last_quote(trades, quotes))


def test_equal_timestamp_matches(learner):
    """A quote at exactly the trade's time is used (at-or-before, not strictly before)."""
    trades = pd.DataFrame({"ticker": ["X", "X"], "time": T("2024-01-02 10:00:05", "2024-01-02 10:00:00")})
    quotes = pd.DataFrame({"ticker": ["X", "X", "X"],
                           "time": T("2024-01-02 09:59:00", "2024-01-02 10:00:00", "2024-01-02 10:00:05"),
                           "price": [1.0, 2.0, 3.0]})
    assert_frame(learner.attach_last_quote(trades, quotes), _with_price(trades, [3.0, 2.0]))


def test_no_future_quotes(learner):
    """A trade before the ticker's first quote gets NaN, even if a later quote is very close."""
    trades = pd.DataFrame({"ticker": ["X", "X", "X"],
                           "time": T("2024-01-02 09:00:00", "2024-01-02 10:00:59", "2024-01-02 12:00:00")})
    quotes = pd.DataFrame({"ticker": ["X", "X"],
                           "time": T("2024-01-02 09:00:01", "2024-01-02 10:01:00"),
                           "price": [7.5, 8.5]})
    assert_frame(learner.attach_last_quote(trades, quotes), _with_price(trades, [np.nan, 7.5, 8.5]))


def test_tickers_interleaved(learner):
    """Two interleaved tickers: each trade only sees quotes of its own ticker."""
    trades = pd.DataFrame({"ticker": ["A", "B", "A", "B", "C"],
                           "time": T("2024-03-01 10:02", "2024-03-01 10:02", "2024-03-01 10:04",
                                     "2024-03-01 10:00", "2024-03-01 10:05")})
    quotes = pd.DataFrame({"ticker": ["A", "B", "A", "B", "A", "B"],
                           "time": T("2024-03-01 10:00", "2024-03-01 10:01", "2024-03-01 10:01",
                                     "2024-03-01 10:03", "2024-03-01 10:03", "2024-03-01 10:04"),
                           "price": [1.0, 100.0, 1.1, 101.0, 1.2, 102.0]})
    assert_frame(learner.attach_last_quote(trades, quotes),
                 _with_price(trades, [1.1, 100.0, 1.2, np.nan, np.nan]))


def test_unsorted_inputs_keep_trade_order(learner):
    """Unsorted trades and quotes: the result keeps the trades' original order and index labels."""
    trades = pd.DataFrame({"trade": ["t1", "t2", "t3", "t4"],
                           "ticker": ["Q", "Q", "R", "Q"],
                           "time": T("2024-06-03 15:00", "2024-06-03 09:45", "2024-06-03 12:00",
                                     "2024-06-03 11:00"),
                           "qty": np.array([1.5, 2.5, 3.5, 4.5], dtype=np.float32)},
                          index=["w", "x", "y", "z"])
    quotes = pd.DataFrame({"ticker": ["Q", "R", "Q", "Q", "R"],
                           "time": T("2024-06-03 14:00", "2024-06-03 13:00", "2024-06-03 09:30",
                                     "2024-06-03 10:30", "2024-06-03 11:59"),
                           "price": [4.0, 20.0, 3.0, 3.5, 19.0]})
    assert_frame(learner.attach_last_quote(trades, quotes), _with_price(trades, [4.0, 3.0, 19.0, 3.5]))


def test_only_price_column_added(learner):
    """Extra quote columns (size, venue) are not attached; only price is appended at the end."""
    trades, quotes = _example()
    quotes = quotes.assign(size=[100, 200, 300, 400, 500], venue=["n", "a", "n", "a", "n"])
    assert_frame(learner.attach_last_quote(trades, quotes),
                 _with_price(trades, [10.2, 55.0, np.nan, 10.4, np.nan]))


def test_no_quotes_and_no_trades(learner):
    """Empty quotes give an all-NaN float64 price; empty trades give an empty frame plus price."""
    trades, quotes = _example()
    assert_frame(learner.attach_last_quote(trades, quotes.iloc[:0]), _with_price(trades, [np.nan] * 5),
                 what="result for empty quotes")
    assert_frame(learner.attach_last_quote(trades.iloc[:0], quotes), _with_price(trades.iloc[:0], []),
                 what="result for empty trades")


def test_random_matches_oracle(learner):
    """Random interleaved tickers with repeated times match a filter-and-max oracle."""
    rng = np.random.default_rng(21)
    base = pd.Timestamp("2024-07-01 09:30")
    nq, nt = 300, 200
    qk = rng.choice(["AA", "BB", "CC", "DD"], size=nq)
    qs = rng.integers(0, 400, size=nq)
    q = pd.DataFrame({"ticker": qk, "sec": qs}).drop_duplicates()
    quotes = pd.DataFrame({"ticker": q["ticker"].to_numpy(),
                           "time": base + pd.to_timedelta(q["sec"].to_numpy(), unit="s"),
                           "price": np.round(rng.normal(50, 5, size=len(q)), 2),
                           "size": rng.integers(1, 9, size=len(q))})
    trades = pd.DataFrame({"ticker": rng.choice(["AA", "BB", "CC", "DD", "EE"], size=nt),
                           "time": base + pd.to_timedelta(rng.integers(-20, 420, size=nt), unit="s"),
                           "qty": rng.integers(1, 100, size=nt)},
                          index=rng.permutation(nt) * 3)
    assert_frame(learner.attach_last_quote(trades, quotes), _oracle(trades, quotes))


def test_inputs_not_modified(learner):
    """Neither input DataFrame is modified."""
    trades, quotes = _example()
    _, after = learner.attach_last_quote.call_keep_args(trades.copy(deep=True), quotes.copy(deep=True))
    assert_frame(after[0], trades, what="your trades after the call")
    assert_frame(after[1], quotes, what="your quotes after the call")
