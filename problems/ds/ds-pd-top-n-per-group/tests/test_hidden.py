import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_frame


def _example():
    return pd.DataFrame({
        "team": ["red", "blue", "red", "blue", "red", "blue", "red"],
        "player": ["ann", "bob", "cat", "dan", "eve", "fay", "gus"],
        "score": [7.0, 4.0, 9.0, np.nan, 7.0, 6.0, 3.0],
    })


def _oracle(df, group_col, value_col, n):
    """Independent oracle: explicit (group, -value, position) ordering, then per-group cumcount."""
    pos = np.arange(len(df))
    ok = df[value_col].notna().to_numpy()
    sub, pos = df[ok], pos[ok]
    codes, _ = pd.factorize(sub[group_col], sort=True)
    order = np.lexsort((pos, -sub[value_col].to_numpy(dtype=float), codes))
    sub = sub.iloc[order]
    rank = sub.groupby(group_col, sort=False).cumcount().to_numpy()
    return sub[rank < n].reset_index(drop=True)


def test_worked_example(learner, reference):
    """The worked example from the statement (n=2, a tie and a NaN)."""
    df = _example()
    assert_frame(learner.top_n_per_group(df, "team", "score", 2), reference.top_n_per_group(df, "team", "score", 2))


def test_tie_at_nth_place_keeps_exactly_n(learner, reference):
    """A tie at the n-th place still gives exactly n rows, and the earlier row wins."""
    df = pd.DataFrame({"g": [1, 1, 1, 1, 1, 2, 2, 2],
                       "v": [3, 5, 3, 3, 1, 8, 8, 8],
                       "row": ["a", "b", "c", "d", "e", "f", "g", "h"]})
    out = learner.top_n_per_group(df, "g", "v", 2)
    assert isinstance(out, pd.DataFrame) and len(out) == 4, "expected exactly n rows per group when values tie"
    expected = pd.DataFrame({"g": [1, 1, 2, 2], "v": [5, 3, 8, 8], "row": ["b", "a", "f", "g"]})
    assert_frame(out, expected)


def test_group_smaller_than_n(learner, reference):
    """A group with fewer than n rows keeps all of its rows."""
    df = pd.DataFrame({"k": ["x", "y", "x", "z", "x", "x"], "val": [1.5, 2.0, -1.0, 0.5, 4.0, 3.0]})
    out = learner.top_n_per_group(df, "k", "val", 3)
    assert_frame(out, reference.top_n_per_group(df, "k", "val", 3))
    out = learner.top_n_per_group(df, "k", "val", 10)
    assert_frame(out, _oracle(df, "k", "val", 10), what="result with n larger than every group")


def test_n_zero_gives_empty_frame(learner):
    """n=0 gives an empty DataFrame with the same columns, order and dtypes."""
    df = _example()
    df["games"] = np.array([3, 1, 4, 1, 5, 9, 2], dtype=np.int64)
    expected = df.iloc[:0].reset_index(drop=True)
    assert_frame(learner.top_n_per_group(df, "team", "score", 0), expected, what="result for n=0")


def test_nan_values_never_chosen(learner, reference):
    """Rows with a NaN value are never chosen; an all-NaN group does not appear."""
    df = pd.DataFrame({"g": ["a", "a", "b", "a", "b", "c", "a", "c"],
                       "v": [np.nan, 2.0, np.nan, np.nan, 1.0, np.nan, -3.0, np.nan],
                       "i": np.arange(8)})
    out = learner.top_n_per_group(df, "g", "v", 3)
    assert isinstance(out, pd.DataFrame), "result should be a DataFrame"
    assert not out["v"].isna().any(), "a row with a NaN value was chosen"
    expected = pd.DataFrame({"g": ["a", "a", "b"], "v": [2.0, -3.0, 1.0], "i": [1, 6, 4]})
    assert_frame(out, expected)


def test_column_order_and_dtypes_kept(learner):
    """Columns keep their order and dtypes (int, float32, bool, str), and the index is reset."""
    df = pd.DataFrame({
        "points": np.array([10, 30, 20, 30, 5, 7], dtype=np.int64),
        "name": ["p", "q", "r", "s", "t", "u"],
        "dept": np.array([2, 1, 2, 1, 1, 2], dtype=np.int64),
        "weight": np.array([0.5, 1.5, 2.5, 3.5, 4.5, 5.5], dtype=np.float32),
        "active": [True, False, True, True, False, True],
    }, index=[50, 40, 30, 20, 10, 0])
    out = learner.top_n_per_group(df, "dept", "points", 2)
    expected = df.iloc[[1, 3, 2, 0]].reset_index(drop=True)
    assert_frame(out, expected)


def test_random_frame_matches_oracle(learner, reference):
    """A random frame with many ties and NaNs matches an independent pandas oracle for several n."""
    rng = np.random.default_rng(7)
    m = 300
    v = rng.integers(0, 6, size=m).astype(float)
    v[rng.random(m) < 0.15] = np.nan
    df = pd.DataFrame({"id": np.arange(m), "grp": rng.integers(0, 12, size=m), "v": v,
                       "tag": rng.choice(["u", "w", "z"], size=m)})
    for n in (1, 3, 7):
        expected = _oracle(df, "grp", "v", n)
        assert_frame(reference.top_n_per_group(df, "grp", "v", n), expected, what="reference (internal check)")
        assert_frame(learner.top_n_per_group(df, "grp", "v", n), expected, what=f"result for n={n}")


def test_negative_n_raises(learner):
    """A negative n raises ValueError."""
    with pytest.raises(ValueError):
        learner.top_n_per_group(_example(), "team", "score", -1)


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged."""
    df = _example()
    df.index = [6, 5, 4, 3, 2, 1, 0]
    _, after = learner.top_n_per_group.call_keep_args(df.copy(deep=True), "team", "score", 2)
    assert_frame(after[0], df, what="your input after the call")
