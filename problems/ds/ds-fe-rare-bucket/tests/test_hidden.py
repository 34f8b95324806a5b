import numpy as np
import pandas as pd
import pytest

from grader.checklib import assert_series


def S(values, index=None, name=None):
    return pd.Series(values, index=index, name=name, dtype="str")


def _example():
    train = S(["red", "blue", "red", np.nan, "green", "red", "blue", "pink"], name="color")
    test = S(["blue", "green", "teal", np.nan, "red", "pink"], index=[10, 11, 12, 13, 14, 15], name="color")
    return train, test


def _check(out, exp_train, exp_test):
    assert isinstance(out, tuple) and len(out) == 2, "result should be a tuple (train_out, test_out)"
    assert_series(out[0], exp_train, what="train result")
    assert_series(out[1], exp_test, what="test result")


def test_worked_example(learner):
    """The worked example from the statement (min_count=2)."""
    train, test = _example()
    _check(learner.bucket_rare(train, test, 2),
           S(["red", "blue", "red", np.nan, "OTHER", "red", "blue", "OTHER"], name="color"),
           S(["blue", "OTHER", "OTHER", np.nan, "red", "OTHER"], index=[10, 11, 12, 13, 14, 15], name="color"))


def test_frequencies_from_train_only(learner):
    """A category rare in train stays OTHER even if frequent in test; one frequent in train is kept in test."""
    train = S(["a", "a", "a", "b", "c", "c", "c"])
    test = S(["b", "b", "b", "b", "b", "a", "c"])
    _check(learner.bucket_rare(train, test, 3),
           S(["a", "a", "a", "OTHER", "c", "c", "c"]),
           S(["OTHER", "OTHER", "OTHER", "OTHER", "OTHER", "a", "c"]))


def test_unseen_test_values_become_other(learner):
    """Test values never seen in train become OTHER, even when frequent in test and min_count=1."""
    train = S(["x", "y", "z"])
    test = S(["w", "w", "w", "x", "v", "z"])
    _check(learner.bucket_rare(train, test, 1), S(["x", "y", "z"]), S(["OTHER", "OTHER", "OTHER", "x", "OTHER", "z"]))


def test_nan_stays_nan(learner):
    """Missing values stay missing in both outputs (they are not a category and not OTHER)."""
    train = S([np.nan, np.nan, np.nan, "k", "k", "j"])
    test = S([np.nan, "j", "k", np.nan])
    _check(learner.bucket_rare(train, test, 2),
           S([np.nan, np.nan, np.nan, "k", "k", "OTHER"]), S([np.nan, "OTHER", "k", np.nan]))


def test_count_exactly_min_count_kept(learner):
    """A category seen exactly min_count times in train is kept; one seen min_count-1 times is not."""
    train = S(["p", "q", "p", "q", "p", "q", "r", "r"])
    test = S(["r", "q", "p"])
    _check(learner.bucket_rare(train, test, 3),
           S(["p", "q", "p", "q", "p", "q", "OTHER", "OTHER"]), S(["OTHER", "q", "p"]))


def test_index_name_and_dtype_kept(learner):
    """Each output keeps its input's index (labels and order) and name, with dtype str."""
    train = S(["m", "n", "m", "o"], index=pd.Index([40, 10, 30, 20], name="row"), name="city")
    test = S(["o", "m"], index=pd.Index(["u", "t"], name="key"), name="town")
    _check(learner.bucket_rare(train, test, 2),
           S(["m", "OTHER", "m", "OTHER"], index=pd.Index([40, 10, 30, 20], name="row"), name="city"),
           S(["OTHER", "m"], index=pd.Index(["u", "t"], name="key"), name="town"))


def test_random_matches_oracle(learner):
    """Random Zipf-like categories with NaNs match an independent oracle for several min_count."""
    rng = np.random.default_rng(3)
    cats = np.array([f"c{i:02d}" for i in range(40)], dtype=object)
    p = 1.0 / np.arange(1, 41)
    p /= p.sum()
    tr = rng.choice(cats, 500, p=p)
    te = rng.choice(cats[::-1], 300, p=p)
    tr[rng.random(500) < 0.05] = np.nan
    te[rng.random(300) < 0.05] = np.nan
    train, test = S(tr, name="c"), S(te, index=np.arange(300) + 1000, name="c")
    for k in (1, 5, 17):
        counts = {}
        for v in tr:
            if isinstance(v, str):
                counts[v] = counts.get(v, 0) + 1
        f = lambda v: v if not isinstance(v, str) or counts.get(v, 0) >= k else "OTHER"
        _check(learner.bucket_rare(train, test, k),
               S([f(v) for v in tr], name="c"), S([f(v) for v in te], index=test.index, name="c"))


def test_min_count_below_one_raises(learner):
    """min_count below 1 raises ValueError."""
    train, test = _example()
    with pytest.raises(ValueError):
        learner.bucket_rare(train, test, 0)


def test_inputs_not_modified(learner):
    """Neither input Series is modified."""
    train, test = _example()
    _, after = learner.bucket_rare.call_keep_args(train.copy(deep=True), test.copy(deep=True), 2)
    assert_series(after[0], train, what="your train input after the call")
    assert_series(after[1], test, what="your test input after the call")
