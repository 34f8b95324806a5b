import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_frame


def _example():
    return pd.DataFrame({
        "date": ["2024-01-15", "2023-12-03", "2024-01-02", "2023-12-28", "2023-12-28"],
        "category": ["toys", "books", "books", "books", "games"],
        "revenue": [20.0, 12.5, 7.0, 2.5, 40.0],
    })


def _table(months, cats, rows):
    out = pd.DataFrame(np.array(rows, dtype=np.float64), index=pd.Index(months, dtype="str", name="month"))
    out.columns = pd.Index(cats, dtype="str", name="category")
    return out


def _oracle(df):
    """Independent oracle: explicit loop over rows into a zero matrix."""
    months = sorted({d[:7] for d in df["date"]})
    cats = sorted(set(df["category"]))
    mat = np.zeros((len(months), len(cats)))
    mi = {m: i for i, m in enumerate(months)}
    ci = {c: j for j, c in enumerate(cats)}
    for d, c, r in zip(df["date"], df["category"], df["revenue"]):
        mat[mi[d[:7]], ci[c]] += float(r)
    return _table(months, cats, mat)


def test_worked_example(learner):
    """The worked example from the statement."""
    expected = _table(["2023-12", "2024-01"], ["books", "games", "toys"],
                      [[15.0, 40.0, 0.0], [7.0, 0.0, 20.0]])
    assert_frame(learner.monthly_revenue(_example()), expected)


def test_same_month_of_different_years_kept_apart(learner):
    """December to January of the next year, and January of two years, are separate, sorted rows."""
    df = pd.DataFrame({
        "date": ["2024-01-05", "2023-01-20", "2023-12-31", "2024-01-01", "2023-01-02", "2024-12-10"],
        "category": ["a", "a", "a", "b", "b", "a"],
        "revenue": [1.0, 2.0, 4.0, 8.0, 16.0, 32.0],
    })
    expected = _table(["2023-01", "2023-12", "2024-01", "2024-12"], ["a", "b"],
                      [[2.0, 16.0], [4.0, 0.0], [1.0, 8.0], [32.0, 0.0]])
    assert_frame(learner.monthly_revenue(df), expected)


def test_cells_are_sums(learner):
    """Several rows in the same month and category are summed (negative refunds included)."""
    df = pd.DataFrame({
        "date": ["2022-03-01", "2022-03-31", "2022-03-15", "2022-03-15", "2022-04-01"],
        "category": ["x", "x", "x", "y", "x"],
        "revenue": [10.0, 5.0, -3.0, 1.25, 2.0],
    })
    expected = _table(["2022-03", "2022-04"], ["x", "y"], [[12.0, 1.25], [2.0, 0.0]])
    assert_frame(learner.monthly_revenue(df), expected)


def test_missing_combinations_are_zero(learner):
    """Month/category combinations without any row are 0.0, not NaN."""
    df = pd.DataFrame({"date": ["2021-05-01", "2021-06-01", "2021-07-01"],
                       "category": ["p", "q", "r"], "revenue": [1.5, 2.5, 3.5]})
    out = learner.monthly_revenue(df)
    assert isinstance(out, pd.DataFrame), "result should be a DataFrame"
    assert not out.isna().any().any(), "a missing month/category combination is NaN instead of 0.0"
    assert_frame(out, _table(["2021-05", "2021-06", "2021-07"], ["p", "q", "r"], np.diag([1.5, 2.5, 3.5])))


def test_integer_revenue_gives_float64(learner):
    """int64 revenue still gives float64 cells."""
    df = pd.DataFrame({"date": ["2020-02-02", "2020-02-20", "2020-03-03"],
                       "category": ["b", "a", "b"],
                       "revenue": np.array([3, 4, 5], dtype=np.int64)})
    expected = _table(["2020-02", "2020-03"], ["a", "b"], [[4.0, 3.0], [0.0, 5.0]])
    assert_frame(learner.monthly_revenue(df), expected)


def test_labels_sorted_and_named(learner):
    """Row and column labels are sorted strings in str indexes named 'month' and 'category'."""
    df = pd.DataFrame({"date": ["2019-11-11", "2019-02-02", "2019-11-01"],
                       "category": ["zeta", "Alpha", "beta"],
                       "revenue": [1.0, 2.0, 3.0]})
    out = learner.monthly_revenue(df)
    assert isinstance(out, pd.DataFrame), "result should be a DataFrame"
    assert list(out.index) == ["2019-02", "2019-11"], "row labels should be 'YYYY-MM' strings sorted ascending"
    assert list(out.columns) == ["Alpha", "beta", "zeta"], "column labels should be the categories sorted ascending"
    assert out.index.name == "month", "the row index should be named 'month'"
    assert out.columns.name == "category", "the column index should be named 'category'"
    assert_frame(out, _table(["2019-02", "2019-11"], ["Alpha", "beta", "zeta"],
                             [[2.0, 0.0, 0.0], [0.0, 3.0, 1.0]]))


def test_random_sales_match_oracle(learner):
    """Random unsorted sales over three years with extra columns match an independent oracle."""
    rng = np.random.default_rng(5)
    m = 500
    days = pd.Timestamp("2022-11-01") + pd.to_timedelta(rng.integers(0, 800, size=m), unit="D")
    df = pd.DataFrame({
        "store": rng.integers(0, 9, size=m),
        "date": list(days.strftime("%Y-%m-%d")),
        "category": rng.choice(["food", "garden", "home", "sport", "tech"], size=m),
        "revenue": rng.gamma(2.0, 30.0, size=m).round(2),
    }, index=rng.permutation(m))
    assert_frame(learner.monthly_revenue(df), _oracle(df))


def test_single_row(learner):
    """A single sale gives a 1x1 table."""
    df = pd.DataFrame({"date": ["2000-02-29"], "category": ["only"], "revenue": [9.5]})
    assert_frame(learner.monthly_revenue(df), _table(["2000-02"], ["only"], [[9.5]]))


def test_empty_raises(learner):
    """An empty frame raises ValueError."""
    df = _example().iloc[:0]
    with pytest.raises(ValueError):
        learner.monthly_revenue(df)


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged."""
    df = _example()
    df.index = [40, 30, 20, 10, 0]
    _, after = learner.monthly_revenue.call_keep_args(df.copy(deep=True))
    assert_frame(after[0], df, what="your input after the call")
