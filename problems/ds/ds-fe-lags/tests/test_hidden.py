import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_frame


def _example():
    return pd.DataFrame({
        "store": ["a", "b", "a", "b", "a", "a"],
        "day": [3, 1, 1, 2, 2, 4],
        "sales": [30, 100, 10, 200, 20, 40],
    }, index=[10, 11, 12, 13, 14, 15])


def _oracle(df, entity, time, value, lags):
    """Independent oracle: explicit per-entity time-sorted lists."""
    out = df.copy()
    ents = df[entity].tolist()
    times = df[time].tolist()
    vals = df[value].astype(float).tolist()
    for k in lags:
        col = []
        for i in range(len(df)):
            earlier = sorted(t for e, t in zip(ents, times) if e == ents[i] and t < times[i])
            if len(earlier) >= k:
                t_src = earlier[-k]
                j = next(j for j in range(len(df)) if ents[j] == ents[i] and times[j] == t_src)
                col.append(vals[j])
            else:
                col.append(np.nan)
        out[f"lag_{k}"] = np.array(col, dtype=np.float64)
    return out


def test_worked_example(learner):
    """The worked example from the statement (lags=(1, 2))."""
    df = _example()
    expected = df.copy()
    expected["lag_1"] = [20.0, np.nan, np.nan, 100.0, 10.0, 30.0]
    expected["lag_2"] = [10.0, np.nan, np.nan, np.nan, np.nan, 20.0]
    assert_frame(learner.add_lags(df, "store", "day", "sales", (1, 2)), expected)


def test_no_value_from_another_entity(learner):
    """Interleaved entities: each lag comes from the same entity; an entity's first rows get NaN."""
    df = pd.DataFrame({"id": ["x", "y", "x", "y", "x", "y"], "t": [1, 1, 2, 2, 3, 3],
                       "v": [1.0, 10.0, 2.0, 20.0, 3.0, 30.0]})
    expected = df.copy()
    expected["lag_1"] = [np.nan, np.nan, 1.0, 10.0, 2.0, 20.0]
    assert_frame(learner.add_lags(df, "id", "t", "v", (1,)), expected)


def test_shuffled_times_use_time_order(learner):
    """Rows given out of time order: lag_k follows time order, not row order."""
    df = pd.DataFrame({"id": [7, 7, 7, 7, 7], "t": [5, 2, 4, 1, 3], "v": [50.0, 20.0, 40.0, 10.0, 30.0]})
    expected = df.copy()
    expected["lag_1"] = [40.0, 10.0, 30.0, np.nan, 20.0]
    expected["lag_3"] = [20.0, np.nan, 10.0, np.nan, np.nan]
    assert_frame(learner.add_lags(df, "id", "t", "v", (1, 3)), expected)


def test_no_future_values(learner):
    """Every non-missing lag value comes from a strictly earlier time of the same entity."""
    rng = np.random.default_rng(21)
    n = 60
    df = pd.DataFrame({"e": rng.choice(["p", "q", "r"], n), "t": rng.permutation(n), "v": rng.permutation(n) * 1.0})
    out = learner.add_lags(df, "e", "t", "v", (1, 2))
    assert isinstance(out, pd.DataFrame) and {"lag_1", "lag_2"} <= set(out.columns), "result needs lag_1 and lag_2"
    src = {v: (e, t) for e, t, v in zip(df["e"], df["t"], df["v"])}
    for e, t, l1 in zip(df["e"], df["t"], out["lag_1"].tolist()):
        if not np.isnan(l1):
            se, st = src.get(l1, (None, None))
            assert se == e and st < t, "a lag value was taken from another entity or from the future"
    assert_frame(out, _oracle(df, "e", "t", "v", (1, 2)))


def test_original_row_order_and_index(learner):
    """Rows stay in their original order with their original (non-default) index labels."""
    rng = np.random.default_rng(8)
    n = 40
    df = pd.DataFrame({"ent": rng.integers(0, 4, n), "time": rng.permutation(n), "val": rng.normal(size=n)},
                      index=pd.Index(rng.permutation(n) * 3 + 100, name="rid"))
    assert_frame(learner.add_lags(df, "ent", "time", "val", (1, 2)), _oracle(df, "ent", "time", "val", (1, 2)))


def test_default_lags_and_integer_values(learner):
    """Default lags (1, 7) on int64 values give float64 lag_1 and lag_7 columns after the originals."""
    df = pd.DataFrame({"id": ["s"] * 9 + ["z"] * 3, "t": list(range(9)) + [0, 1, 2],
                       "v": np.arange(12, dtype=np.int64) * 10, "other": list("abcdefghijkl")})
    expected = df.copy()
    expected["lag_1"] = [np.nan, 0, 10, 20, 30, 40, 50, 60, 70, np.nan, 90, 100]
    expected["lag_7"] = [np.nan] * 7 + [0.0, 10.0] + [np.nan] * 3
    expected = expected.astype({"lag_1": "float64", "lag_7": "float64"})
    assert_frame(learner.add_lags(df, "id", "t", "v"), expected)


def test_datetime_time_column_and_lag_order(learner):
    """A datetime time column works; lag columns follow the order given in lags."""
    days = pd.to_datetime(["2024-01-03", "2024-01-01", "2024-01-02", "2024-01-02", "2024-01-01"])
    df = pd.DataFrame({"sku": ["m", "m", "m", "n", "n"], "date": days, "qty": [3.0, 1.0, 2.0, 8.0, 7.0]})
    expected = df.copy()
    expected["lag_2"] = [1.0, np.nan, np.nan, np.nan, np.nan]
    expected["lag_1"] = [2.0, np.nan, 1.0, 7.0, np.nan]
    assert_frame(learner.add_lags(df, "sku", "date", "qty", (2, 1)), expected)


def test_random_panel_matches_oracle(learner):
    """A random panel with NaN values matches an independent oracle."""
    rng = np.random.default_rng(13)
    n = 150
    v = rng.normal(size=n)
    v[rng.random(n) < 0.1] = np.nan
    df = pd.DataFrame({"e": rng.choice(["a", "b", "c", "d", "e"], n), "t": rng.permutation(n), "v": v},
                      index=rng.permutation(n))
    assert_frame(learner.add_lags(df, "e", "t", "v", (1, 3, 7)), _oracle(df, "e", "t", "v", (1, 3, 7)))


def test_non_positive_lag_raises(learner):
    """A lag of 0 or a negative lag raises ValueError."""
    with pytest.raises(ValueError):
        learner.add_lags(_example(), "store", "day", "sales", (1, 0))
    with pytest.raises(ValueError):
        learner.add_lags(_example(), "store", "day", "sales", (-1,))


def test_input_not_modified(learner):
    """The input DataFrame is left unchanged, with no lag columns added."""
    df = _example()
    _, after = learner.add_lags.call_keep_args(df.copy(deep=True), "store", "day", "sales", (1, 2))
    assert_frame(after[0], df, what="your input after the call")
