import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_array, assert_frame


def _ev(rows, user_col="user", date_col="ts"):
    return pd.DataFrame({user_col: [r[0] for r in rows], date_col: pd.to_datetime([r[1] for r in rows], format="ISO8601")})


def _example():
    return _ev([("a", "2023-11-05 10:00"), ("a", "2023-11-20 08:00"), ("b", "2023-11-28 23:59"),
                ("c", "2023-12-15 12:00"), ("a", "2024-01-03 07:15"), ("b", "2023-12-01 00:00"),
                ("c", "2024-02-10 16:45"), ("d", "2023-12-31 18:30")])


def _oracle(events, user_col, date_col):
    """Independent oracle: (cohort labels as 'YYYY-MM', matrix of shares)."""
    per_user = {}
    for u, t in zip(events[user_col], events[date_col]):
        per_user.setdefault(u, set()).add((t.year, t.month))
    idx = {u: {y * 12 + m for y, m in ms} for u, ms in per_user.items()}
    cohorts = sorted({min(s) for s in idx.values()})
    K = max(max(s) - min(s) for s in idx.values())
    mat = np.zeros((len(cohorts), K + 1))
    for r, c in enumerate(cohorts):
        members = [s for s in idx.values() if min(s) == c]
        for k in range(K + 1):
            mat[r, k] = sum((c + k) in s for s in members) / len(members)
    labels = [f"{(c - 1) // 12:04d}-{(c - 1) % 12 + 1:02d}" for c in cohorts]
    return labels, mat


def _check(out, labels, mat):
    assert isinstance(out, pd.DataFrame), f"expected a DataFrame, got {type(out).__name__}"
    assert isinstance(out.index, pd.DatetimeIndex), f"the index should be a DatetimeIndex, got {type(out.index).__name__}"
    assert out.index.name == "cohort", f"the index should be named 'cohort', got {out.index.name!r}"
    got = [f"{t.year:04d}-{t.month:02d}" for t in out.index]
    assert got == labels, f"cohort rows should be {labels[:6]}{'...' if len(labels) > 6 else ''}, got {got[:6]}"
    assert all(t.day == 1 and t == t.normalize() for t in out.index), "cohort labels should be the first day of the month at midnight"
    assert out.columns.name == "month", f"the columns should be named 'month', got {out.columns.name!r}"
    assert out.columns.dtype.kind in "iu" and list(out.columns) == list(range(mat.shape[1])), \
        f"columns should be the integers 0..{mat.shape[1] - 1}, got {list(out.columns)[:8]}"
    for c in out.columns:
        assert out[c].dtype == np.float64, f"column {c} should be float64, got {out[c].dtype}"
    assert_array(out.to_numpy(dtype=np.float64), mat, rtol=1e-12, atol=0, what="retention table")


def test_worked_example(learner):
    """The worked example: two cohorts, a skipped month, events late in the day."""
    out = learner.cohort_retention(_example(), "user", "ts")
    _check(out, ["2023-11", "2023-12"], np.array([[1.0, 0.5, 0.5], [1.0, 0.0, 0.5]]))


def test_many_events_per_month_counted_once(learner):
    """A user with many events in one month counts once for that month."""
    rows = [("u1", f"2024-03-{d:02d}") for d in range(1, 28)] + [("u2", "2024-03-05"), ("u2", "2024-04-02"),
            ("u2", "2024-04-03"), ("u2", "2024-04-30 23:00"), ("u1", "2024-04-15")] + [("u3", "2024-03-09")]
    ev = _ev(rows)
    _check(learner.cohort_retention(ev, "user", "ts"), *_oracle(ev, "user", "ts"))


def test_users_skipping_months(learner):
    """Users who skip months count only in months where they have events (gaps are 0)."""
    ev = _ev([("a", "2022-01-10"), ("a", "2022-04-02"), ("b", "2022-01-31"), ("b", "2022-03-01"),
              ("c", "2022-01-01"), ("c", "2022-06-30")])
    _check(learner.cohort_retention(ev, "user", "ts"), ["2022-01"],
           np.array([[1.0, 0.0, 1 / 3, 1 / 3, 0.0, 1 / 3]]))


def test_cohort_crossing_year_boundary(learner):
    """31 December to 1 January is one month later; cohorts are sorted across years."""
    ev = _ev([("x", "2023-12-31 22:00"), ("x", "2024-01-01 01:00"), ("y", "2024-01-15"),
              ("z", "2023-12-01"), ("z", "2024-02-29"), ("w", "2022-12-20"), ("w", "2023-01-02")])
    _check(learner.cohort_retention(ev, "user", "ts"), *_oracle(ev, "user", "ts"))


def test_exact_fractions_by_cohort_size(learner):
    """Shares divide by the cohort's size (thirds and sevenths are exact to 1e-12)."""
    rows = [(f"p{i}", "2021-05-03") for i in range(3)] + [("p0", "2021-06-04"), ("p1", "2021-06-20"),
            ("p2", "2021-07-01")]
    rows += [(f"q{i}", "2021-06-10") for i in range(7)] + [(f"q{i}", "2021-07-10") for i in range(2)]
    ev = _ev(rows)
    _check(learner.cohort_retention(ev, "user", "ts"), ["2021-05", "2021-06"],
           np.array([[1.0, 2 / 3, 1 / 3], [1.0, 2 / 7, 0.0]]))


def test_unobserved_cells_are_zero(learner):
    """Cells beyond the last observed month are 0.0; the width is the largest offset seen."""
    ev = _ev([("a", "2020-01-05"), ("a", "2020-05-05"), ("b", "2020-04-01"), ("c", "2020-05-20")])
    _check(learner.cohort_retention(ev, "user", "ts"), ["2020-01", "2020-04", "2020-05"],
           np.array([[1.0, 0, 0, 0, 1.0], [1.0, 0, 0, 0, 0], [1.0, 0, 0, 0, 0]]))


def test_random_log_matches_oracle(learner):
    """A random shuffled event log over two years with integer user ids matches an oracle."""
    rng = np.random.default_rng(3)
    m = 3000
    start = pd.Timestamp("2022-10-01")
    ev = pd.DataFrame({"uid": rng.integers(0, 400, m),
                       "when": start + pd.to_timedelta(rng.integers(0, 700 * 24 * 60, m), unit="min"),
                       "amount": rng.random(m)})
    _check(learner.cohort_retention(ev, "uid", "when"), *_oracle(ev, "uid", "when"))


def test_empty_events_raise(learner):
    """An empty events table raises ValueError."""
    with pytest.raises(ValueError):
        learner.cohort_retention(_example().iloc[:0], "user", "ts")


def test_input_not_modified(learner):
    """The events DataFrame is left unchanged."""
    ev = _example()
    ev.index = np.arange(len(ev))[::-1] * 10
    _, after = learner.cohort_retention.call_keep_args(ev.copy(deep=True), "user", "ts")
    assert_frame(after[0], ev, what="your events DataFrame after the call")
