import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_frame, assert_series

RT = dict(rtol=1e-12, atol=1e-12)


def _example():
    return pd.DataFrame({
        "store": ["b", "a", "b", "a", "c", "b", "c"],
        "price": [10.0, 4.0, 20.0, np.nan, 5.0, 30.0, 7.0],
        "qty": [1.0, 2.0, 3.0, 5.0, 0.0, np.nan, 0.0],
    })


def _oracle(df, group, value, weight):
    """Independent oracle: numpy per key, keys sorted with pandas."""
    keys = pd.Index(sorted(df[group].unique()), dtype=df[group].dtype, name=group)
    v = df[value].to_numpy(dtype=float)
    w = df[weight].to_numpy(dtype=float)
    g = df[group].to_numpy()
    ok = ~np.isnan(v) & ~np.isnan(w)
    out = []
    for k in keys:
        m = (g == k) & ok
        out.append(np.sum(v[m] * w[m]) / np.sum(w[m]) if np.sum(w[m]) != 0 else np.nan)
    return pd.Series(out, index=keys, name=value, dtype="float64")


def test_worked_example(learner):
    """The worked example from the statement (a NaN value, a NaN weight, a zero-weight group)."""
    expected = pd.Series([4.0, 17.5, np.nan], index=pd.Index(["a", "b", "c"], name="store"),
                         name="price", dtype="float64")
    assert_series(learner.weighted_mean(_example(), "store", "price", "qty"), expected, **RT)


def test_weighted_not_plain_mean(learner):
    """Unequal weights pull the mean toward the heavy rows (not the plain mean, not divided by row count)."""
    df = pd.DataFrame({"g": [1, 1, 1, 2, 2], "v": [0.0, 10.0, 100.0, 3.0, 5.0], "w": [8.0, 1.0, 1.0, 0.5, 0.25]})
    expected = pd.Series([110.0 / 10.0, (1.5 + 1.25) / 0.75], index=pd.Index([1, 2], name="g"),
                         name="v", dtype="float64")
    assert_series(learner.weighted_mean(df, "g", "v", "w"), expected, **RT)


def test_nan_value_drops_its_weight(learner):
    """A row with a NaN value is dropped entirely: its weight is not in the denominator."""
    df = pd.DataFrame({"g": ["x", "x", "x"], "v": [2.0, np.nan, 4.0], "w": [1.0, 100.0, 3.0]})
    expected = pd.Series([3.5], index=pd.Index(["x"], name="g"), name="v", dtype="float64")
    assert_series(learner.weighted_mean(df, "g", "v", "w"), expected, **RT)


def test_nan_weight_drops_row(learner):
    """A row with a NaN weight is dropped (its value does not count)."""
    df = pd.DataFrame({"g": ["x", "x", "y"], "v": [2.0, 1000.0, 1.0], "w": [2.0, np.nan, 1.0]})
    expected = pd.Series([2.0, 1.0], index=pd.Index(["x", "y"], name="g"), name="v", dtype="float64")
    assert_series(learner.weighted_mean(df, "g", "v", "w"), expected, **RT)


def test_zero_weight_group_is_nan(learner):
    """A group with total weight 0 (or no usable row) gives NaN, stays in the result, no RuntimeWarning."""
    df = pd.DataFrame({"g": ["p", "q", "q", "r", "p"], "v": [1.0, 2.0, 3.0, np.nan, 5.0],
                       "w": [1.0, 0.0, 0.0, 2.0, 3.0]})
    expected = pd.Series([4.0, np.nan, np.nan], index=pd.Index(["p", "q", "r"], name="g"), name="v",
                         dtype="float64")
    out = learner.fn("weighted_mean", warnings="error")(df, "g", "v", "w")
    assert_series(out, expected, **RT)


def test_integer_columns_give_float(learner):
    """int64 values and weights give a float64 result; integer keys give a sorted int64 index."""
    df = pd.DataFrame({"k": np.array([30, 10, 20, 10, 30], dtype=np.int64),
                       "v": np.array([1, 2, 3, 4, 5], dtype=np.int64),
                       "w": np.array([1, 1, 2, 3, 1], dtype=np.int64)})
    expected = pd.Series([14.0 / 4.0, 3.0, 3.0], index=pd.Index([10, 20, 30], dtype="int64", name="k"),
                         name="v", dtype="float64")
    assert_series(learner.weighted_mean(df, "k", "v", "w"), expected, **RT)


def test_random_frame_matches_oracle(learner, reference):
    """A random frame with NaNs and zero weights matches an independent oracle to rtol 1e-12."""
    rng = np.random.default_rng(11)
    n = 400
    v = rng.normal(50, 20, n)
    w = rng.exponential(2.0, n)
    v[rng.random(n) < 0.1] = np.nan
    w[rng.random(n) < 0.1] = np.nan
    w[rng.random(n) < 0.1] = 0.0
    df = pd.DataFrame({"grp": rng.choice(["u", "v", "w", "x", "y", "z"], n), "val": v, "wt": w})
    expected = _oracle(df, "grp", "val", "wt")
    assert_series(reference.weighted_mean(df, "grp", "val", "wt"), expected, what="reference (internal check)", **RT)
    assert_series(learner.weighted_mean(df, "grp", "val", "wt"), expected, **RT)


def test_empty_frame_raises(learner):
    """A DataFrame with no rows raises ValueError."""
    df = pd.DataFrame({"g": pd.Series([], dtype="str"), "v": pd.Series([], dtype="float64"),
                       "w": pd.Series([], dtype="float64")})
    with pytest.raises(ValueError):
        learner.weighted_mean(df, "g", "v", "w")


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged."""
    df = _example()
    df.index = [9, 3, 7, 1, 5, 0, 2]
    _, after = learner.weighted_mean.call_keep_args(df.copy(deep=True), "store", "price", "qty")
    assert_frame(after[0], df, what="your input after the call")
