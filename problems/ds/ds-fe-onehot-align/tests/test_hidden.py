import numpy as np
import pandas as pd

from grader.checklib import assert_frame


def _example():
    train = pd.DataFrame({"city": ["oslo", "rome", "oslo", np.nan], "rooms": [2, 3, 1, 4], "size": [10, 2, 2, 10]})
    test = pd.DataFrame({"city": ["rome", "lima", np.nan], "rooms": [5, 1, 2], "size": [2, 7, 10]}, index=[7, 8, 9])
    return train, test


def _oracle(train, test, cols):
    """Library oracle: pd.get_dummies on train, test reindexed to train's columns with zeros."""
    tr = pd.get_dummies(train, columns=list(cols), dtype=np.int64)
    te = pd.get_dummies(test, columns=list(cols), dtype=np.int64).reindex(columns=tr.columns, fill_value=0)
    return tr, te.astype({c: np.int64 for c in tr.columns if c not in train.columns})


def _call(learner, train, test, cols):
    out = learner.one_hot_train_test(train, test, cols)
    assert isinstance(out, tuple) and len(out) == 2, "result should be a tuple (train_out, test_out)"
    return out


def test_worked_example(learner):
    """The worked example from the statement."""
    train, test = _example()
    tr, te = _call(learner, train, test, ["city", "size"])
    cols = ["rooms", "city_oslo", "city_rome", "size_2", "size_10"]
    exp_tr = pd.DataFrame([[2, 1, 0, 0, 1], [3, 0, 1, 1, 0], [1, 1, 0, 1, 0], [4, 0, 0, 0, 1]], columns=cols, dtype=np.int64)
    exp_te = pd.DataFrame([[5, 0, 1, 1, 0], [1, 0, 0, 0, 0], [2, 0, 0, 0, 1]], columns=cols, index=[7, 8, 9], dtype=np.int64)
    assert_frame(tr, exp_tr, what="train result")
    assert_frame(te, exp_te, what="test result")


def test_unseen_test_category_all_zeros(learner):
    """A test category never seen in train gets no column of its own and all-zero dummies."""
    train = pd.DataFrame({"c": ["a", "b", "a"]})
    test = pd.DataFrame({"c": ["z", "b", "y"]})
    tr, te = _call(learner, train, test, ["c"])
    assert list(te.columns) == ["c_a", "c_b"], "test columns should come from the train categories only"
    assert_frame(te, pd.DataFrame({"c_a": [0, 0, 0], "c_b": [0, 1, 0]}, dtype=np.int64), what="test result")


def test_train_category_absent_from_test(learner):
    """A train category missing from test still has its (all-zero) column in the test output."""
    train = pd.DataFrame({"k": ["u", "v", "w", "v"], "x": [1.5, 2.5, 3.5, 4.5]})
    test = pd.DataFrame({"k": ["v", "v"], "x": [0.5, 0.25]})
    tr, te = _call(learner, train, test, ["k"])
    exp_te = pd.DataFrame({"x": [0.5, 0.25], "k_u": [0, 0], "k_v": [1, 1], "k_w": [0, 0]})
    exp_te = exp_te.astype({"k_u": np.int64, "k_v": np.int64, "k_w": np.int64})
    assert_frame(te, exp_te, what="test result")


def test_identical_column_lists(learner):
    """Train and test outputs have exactly the same columns in the same order."""
    rng = np.random.default_rng(4)
    train = pd.DataFrame({"a": rng.choice(["p", "q", "r", "s"], 30), "n": rng.normal(size=30),
                          "b": rng.choice(["x", "y"], 30)})
    test = pd.DataFrame({"a": rng.choice(["q", "t"], 12), "n": rng.normal(size=12), "b": rng.choice(["y", "z"], 12)})
    tr, te = _call(learner, train, test, ["b", "a"])
    assert isinstance(tr, pd.DataFrame) and isinstance(te, pd.DataFrame), "both outputs should be DataFrames"
    assert list(tr.columns) == list(te.columns), "train and test outputs have different columns"
    exp_tr, exp_te = _oracle(train, test, ["b", "a"])
    assert list(tr.columns) == list(exp_tr.columns), "column names or order differ from the stated layout"


def test_dummies_are_int64(learner):
    """Dummy columns hold 0/1 with dtype int64 (not bool, not float) in both outputs."""
    train, test = _example()
    tr, te = _call(learner, train, test, ["city"])
    for name, df in (("train", tr), ("test", te)):
        for c in ("city_oslo", "city_rome"):
            assert c in df.columns, f"{name} result is missing column {c}"
            assert df[c].dtype == np.int64, f"{name} column {c} has dtype {df[c].dtype}, expected int64"
            assert set(df[c].tolist()) <= {0, 1}, f"{name} column {c} has values other than 0/1"


def test_numeric_categories_sorted_numerically(learner):
    """Integer categories are named col_value and ordered by value (2 before 10)."""
    train = pd.DataFrame({"n": np.array([10, 2, 9, 2], dtype=np.int64)})
    test = pd.DataFrame({"n": np.array([9, 11], dtype=np.int64)})
    tr, te = _call(learner, train, test, ["n"])
    assert_frame(tr, pd.DataFrame({"n_2": [0, 1, 0, 1], "n_9": [0, 0, 1, 0], "n_10": [1, 0, 0, 0]}, dtype=np.int64),
                 what="train result")
    assert_frame(te, pd.DataFrame({"n_2": [0, 0], "n_9": [1, 0], "n_10": [0, 0]}, dtype=np.int64), what="test result")


def test_other_columns_pass_through(learner):
    """Columns not listed keep their values, dtypes and order; each output keeps its input's index."""
    train = pd.DataFrame({"id": ["r1", "r2", "r3"], "c": ["b", "a", "b"], "w": np.array([1.5, 2.5, 3.5], dtype=np.float32),
                          "flag": [True, False, True]}, index=[30, 10, 20])
    test = pd.DataFrame({"id": ["s1", "s2"], "c": ["a", "q"], "w": np.array([9.0, 8.0], dtype=np.float32),
                         "flag": [False, False]}, index=["x", "y"])
    tr, te = _call(learner, train, test, ["c"])
    exp_tr, exp_te = _oracle(train, test, ["c"])
    assert_frame(tr, exp_tr, what="train result")
    assert_frame(te, exp_te, what="test result")


def test_random_frames_match_get_dummies(learner):
    """Random frames with missing values match pd.get_dummies on train, reindexed on test."""
    rng = np.random.default_rng(9)
    a = rng.choice(["k1", "k2", "k3", "k4", "k5"], 200).astype(object)
    a[rng.random(200) < 0.1] = np.nan
    ta = rng.choice(["k2", "k5", "k6", "k7"], 80).astype(object)
    ta[rng.random(80) < 0.1] = np.nan
    train = pd.DataFrame({"v": rng.normal(size=200), "a": pd.Series(a, dtype="str"), "m": rng.integers(0, 6, 200)},
                         index=rng.permutation(200))
    test = pd.DataFrame({"v": rng.normal(size=80), "a": pd.Series(ta, dtype="str"), "m": rng.integers(3, 9, 80)})
    tr, te = _call(learner, train, test, ["a", "m"])
    exp_tr, exp_te = _oracle(train, test, ["a", "m"])
    assert_frame(tr, exp_tr, what="train result")
    assert_frame(te, exp_te, what="test result")


def test_no_columns_listed(learner):
    """An empty cols list returns both frames unchanged."""
    train, test = _example()
    tr, te = _call(learner, train, test, [])
    assert_frame(tr, train, what="train result")
    assert_frame(te, test, what="test result")


def test_inputs_not_modified(learner):
    """Neither input DataFrame is modified."""
    train, test = _example()
    _, after = learner.one_hot_train_test.call_keep_args(train.copy(deep=True), test.copy(deep=True), ["city", "size"])
    assert_frame(after[0], train, what="your train input after the call")
    assert_frame(after[1], test, what="your test input after the call")
