import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_frame


def _example():
    return pd.DataFrame({
        "city": ["oslo", "rome", "oslo", "rome", "lima", "oslo", "rome", "lima"],
        "price": [10.0, np.nan, 14.0, 20.0, np.nan, np.nan, 30.0, np.nan],
        "rooms": [1, 2, 3, 4, 5, 6, 7, 8],
    })


def _oracle(df, group_col, col):
    """Independent oracle: per-group medians with numpy, explicit fallback."""
    vals = df[col].astype("float64").to_numpy()
    keys = df[group_col].to_numpy()
    ok = ~np.isnan(vals)
    overall = float(np.median(vals[ok]))
    filled = vals.copy()
    for k in pd.unique(keys):
        m = keys == k
        fill = float(np.median(vals[m & ok])) if (m & ok).any() else overall
        filled[m & ~ok] = fill
    out = df.copy()
    out[col] = filled
    return out


def test_worked_example(learner):
    """The worked example from the statement (one all-missing group)."""
    df = _example()
    expected = df.copy()
    expected["price"] = [10.0, 25.0, 14.0, 20.0, 17.0, 12.0, 30.0, 17.0]
    assert_frame(learner.impute_group_median(df, "city", "price"), expected)


def test_group_median_not_mean(learner):
    """A skewed group is filled with its median, not its mean; present values are untouched."""
    df = pd.DataFrame({"g": ["a", "a", "a", "a", "b", "b", "b"],
                       "x": [1.0, 2.0, 100.0, np.nan, 4.0, np.nan, 8.0]})
    expected = df.copy()
    expected["x"] = [1.0, 2.0, 100.0, 2.0, 4.0, 6.0, 8.0]
    assert_frame(learner.impute_group_median(df, "g", "x"), expected)


def test_all_missing_group_uses_overall_median(learner):
    """A group with only missing values gets the median of all present values of the column."""
    df = pd.DataFrame({"g": [1, 1, 1, 2, 2, 3, 3, 3, 3],
                       "x": [1.0, 2.0, 3.0, np.nan, np.nan, 50.0, 60.0, 70.0, 80.0]})
    # overall median of 1, 2, 3, 50, 60, 70, 80 is 50; median of the group medians would be 38.5
    expected = df.copy()
    expected["x"] = [1.0, 2.0, 3.0, 50.0, 50.0, 50.0, 60.0, 70.0, 80.0]
    assert_frame(learner.impute_group_median(df, "g", "x"), expected)


def test_one_row_groups(learner):
    """One-row groups: a present value stays, a missing one takes the overall median."""
    df = pd.DataFrame({"k": ["p", "q", "r", "s", "s"], "v": [5.0, np.nan, 9.0, 1.0, np.nan]},
                      index=[10, 20, 30, 40, 50])
    expected = df.copy()
    expected["v"] = [5.0, 5.0, 9.0, 1.0, 1.0]
    assert_frame(learner.impute_group_median(df, "k", "v"), expected)


def test_integer_columns_come_back_float(learner):
    """int64 (no missing) and nullable Int64 (with pd.NA) columns come back as float64."""
    df = pd.DataFrame({"g": ["a", "b", "a", "b"], "n": np.array([3, 4, 6, 9], dtype=np.int64)})
    expected = df.copy()
    expected["n"] = expected["n"].astype("float64")
    assert_frame(learner.impute_group_median(df, "g", "n"), expected, what="result for an int64 column")
    df2 = pd.DataFrame({"g": ["a", "b", "a", "b", "a", "c"],
                        "n": pd.array([3, 4, None, 9, 4, None], dtype="Int64")})
    expected2 = df2.copy()
    expected2["n"] = [3.0, 4.0, 3.5, 9.0, 4.0, 4.0]
    assert_frame(learner.impute_group_median(df2, "g", "n"), expected2, what="result for an Int64 column")


def test_other_columns_and_index_identical(learner):
    """Other columns keep values and dtypes (str, bool, datetime, float32); index and column order kept."""
    df = pd.DataFrame({
        "when": pd.to_datetime(["2024-01-03", "2024-02-01", "2024-03-05", "2024-04-07", "2024-05-09"]),
        "score": [np.nan, 2.0, 4.0, np.nan, 7.0],
        "name": ["u", "v", "w", "x", "y"],
        "team": [2, 1, 2, 2, 1],
        "flag": [True, False, True, False, True],
        "w32": np.array([0.5, 1.5, 2.5, 3.5, 4.5], dtype=np.float32),
    }, index=["e", "d", "c", "b", "a"])
    out = learner.impute_group_median(df, "team", "score")
    expected = df.copy()
    expected["score"] = [4.0, 2.0, 4.0, 4.0, 7.0]
    assert_frame(out, expected)


def test_random_frame_matches_oracle(learner):
    """A random frame with many groups, some all-missing, matches an independent oracle."""
    rng = np.random.default_rng(11)
    m = 400
    x = rng.normal(50, 20, size=m).round(1)
    g = rng.integers(0, 40, size=m)
    x[rng.random(m) < 0.3] = np.nan
    x[np.isin(g, [3, 17, 29])] = np.nan
    df = pd.DataFrame({"grp": g, "x": x, "id": np.arange(m)}, index=rng.permutation(m) + 1000)
    assert_frame(learner.impute_group_median(df, "grp", "x"), _oracle(df, "grp", "x"))


def test_no_present_value_raises(learner):
    """A column with no present value at all, or an empty frame, raises ValueError."""
    df = pd.DataFrame({"g": ["a", "b"], "x": [np.nan, np.nan]})
    with pytest.raises(ValueError):
        learner.impute_group_median(df, "g", "x")
    with pytest.raises(ValueError):
        learner.impute_group_median(df.iloc[:0], "g", "x")


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged."""
    df = _example()
    df.index = [7, 6, 5, 4, 3, 2, 1, 0]
    _, after = learner.impute_group_median.call_keep_args(df.copy(deep=True), "city", "price")
    assert_frame(after[0], df, what="your input after the call")
