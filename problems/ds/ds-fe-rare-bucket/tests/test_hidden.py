import numpy as np
import pandas as pd
from grader.checklib import assert_raises, assert_series, covers, kernel_function, probe_call


def S(values, index=None, name=None):
    return pd.Series(values, index=index, name=name, dtype="str")


def _example():
    train = S(["red", "blue", "red", np.nan, "green", "red", "blue", "pink"], name="color")
    test = S(["blue", "green", "teal", np.nan, "red", "pink"], index=[10, 11, 12, 13, 14, 15], name="color")
    return train, test


def _check(out, exp_train, exp_test):
    assert type(out) is tuple and len(out) == 2, \
        f"the result should be a tuple (train_out, test_out), got {type(out).__name__}"
    assert_series(out[0], exp_train, what="train result")
    assert_series(out[1], exp_test, what="test result")


@covers("train-counts", "at-least", "other-replaces", "unseen-other", "nan-stays", "index-name", "str-dtype", "tuple-result")
def test_worked_example(learner):
    """The worked example from the statement (min_count=2)."""
    train, test = _example()
    _check(learner.bucket_rare(train, test, 2),
           S(["red", "blue", "red", np.nan, "OTHER", "red", "blue", "OTHER"], name="color"),
           S(["blue", "OTHER", "OTHER", np.nan, "red", "OTHER"], index=[10, 11, 12, 13, 14, 15], name="color"))


@covers("train-counts", "other-replaces")
def test_frequencies_from_train_only(learner):
    """A category rare in train stays OTHER even if frequent in test; one frequent in train is kept in test."""
    train = S(["a", "a", "a", "b", "c", "c", "c"])
    test = S(["b", "b", "b", "b", "b", "a", "c"])
    _check(learner.bucket_rare(train, test, 3),
           S(["a", "a", "a", "OTHER", "c", "c", "c"]),
           S(["OTHER", "OTHER", "OTHER", "OTHER", "OTHER", "a", "c"]))


@covers("unseen-other")
def test_unseen_test_values_become_other(learner):
    """Test values never seen in train become OTHER, even when frequent in test and min_count=1."""
    train = S(["x", "y", "z"])
    test = S(["w", "w", "w", "x", "v", "z"])
    _check(learner.bucket_rare(train, test, 1), S(["x", "y", "z"]), S(["OTHER", "OTHER", "OTHER", "x", "OTHER", "z"]))


@covers("nan-stays")
def test_nan_stays_nan(learner):
    """Missing values stay missing in both outputs (they are not a category and not OTHER)."""
    train = S([np.nan, np.nan, np.nan, "k", "k", "j"])
    test = S([np.nan, "j", "k", np.nan])
    _check(learner.bucket_rare(train, test, 2),
           S([np.nan, np.nan, np.nan, "k", "k", "OTHER"]), S([np.nan, "OTHER", "k", np.nan]))


@covers("at-least")
def test_count_exactly_min_count_kept(learner):
    """A category seen exactly min_count times in train is kept; one seen min_count-1 times is not."""
    train = S(["p", "q", "p", "q", "p", "q", "r", "r"])
    test = S(["r", "q", "p"])
    _check(learner.bucket_rare(train, test, 3),
           S(["p", "q", "p", "q", "p", "q", "OTHER", "OTHER"]), S(["OTHER", "q", "p"]))


@covers("index-name", "str-dtype")
def test_index_name_and_dtype_kept(learner):
    """Each output keeps its input's index (labels and order) and name, with dtype str."""
    train = S(["m", "n", "m", "o"], index=pd.Index([40, 10, 30, 20], name="row"), name="city")
    test = S(["o", "m"], index=pd.Index(["u", "t"], name="key"), name="town")
    _check(learner.bucket_rare(train, test, 2),
           S(["m", "OTHER", "m", "OTHER"], index=pd.Index([40, 10, 30, 20], name="row"), name="city"),
           S(["OTHER", "m"], index=pd.Index(["u", "t"], name="key"), name="town"))


@covers("train-counts", "at-least", "other-replaces", "unseen-other", "nan-stays", "index-name", "str-dtype")
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


@covers("min-count-raises")
def test_min_count_below_one_raises(learner):
    """min_count = 0 and -1 raise ValueError; min_count = 1 is valid."""
    train, test = _example()
    for k in (0, -1):
        with assert_raises(ValueError, f"min_count={k}"):
            learner.bucket_rare(train, test, k)
    _check(learner.bucket_rare(train, test, 1),
           S(["red", "blue", "red", np.nan, "green", "red", "blue", "pink"], name="color"),
           S(["blue", "green", "OTHER", np.nan, "red", "pink"], index=[10, 11, 12, 13, 14, 15], name="color"))


# Identity of the returned objects, looked at inside the sandbox: a Series that pandas' copy-on-write lets
# share memory with its input is still a new Series, so the aliasing probe's memory test is too strict here.
_RETURNS_INPUT = ("lambda *a: [any(o is x for x in a) for o in "
                  "__import__('IPython').get_ipython().user_ns['bucket_rare'](*a)]")


@covers("new-series")
def test_outputs_are_new_series(learner):
    """Both outputs are new Series, not the inputs themselves, also when no value needs bucketing."""
    train = S(["a", "b", "a", "b", np.nan])
    test = S(["b", "a", np.nan])
    flags = kernel_function(learner, _RETURNS_INPUT)(train, test, 1)
    assert type(flags) is list and len(flags) == 2, "the result should be a tuple (train_out, test_out)"
    for name, same in zip(("train_out", "test_out"), flags):
        assert not same, f"{name} is the input Series itself when nothing needs bucketing; return a new Series"
    train, test = _example()
    _, probe = probe_call(learner.fn("bucket_rare"), train, test, 2, aliasing=True)
    probe.assert_new("a Series you return")


@covers("inputs-unchanged")
def test_inputs_not_modified(learner):
    """Neither input Series is modified."""
    train, test = _example()
    _, after = learner.bucket_rare.call_keep_args(train.copy(deep=True), test.copy(deep=True), 2)
    assert_series(after[0], train, what="your train input after the call")
    assert_series(after[1], test, what="your test input after the call")
