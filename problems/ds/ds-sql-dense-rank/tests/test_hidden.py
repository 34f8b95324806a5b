import numpy as np
import pandas as pd

from grader.checklib import assert_series


def test_worked_example(learner, reference):
    """The worked example from the statement (ties, a negative value, string index, a name)."""
    s = pd.Series([300, 100, 300, 200, -50], index=["a", "b", "c", "d", "e"], name="sales")
    assert_series(learner.dense_rank_desc(s), reference.dense_rank_desc(s))


def test_ties_share_rank_no_gaps(learner):
    """Ties share a rank and the next distinct value gets the next integer (no gaps)."""
    s = pd.Series([5.0, 5.0, 5.0, 2.0, 2.0, 1.0, 7.0])
    expected = pd.Series([2, 2, 2, 3, 3, 4, 1], dtype="int64")
    assert_series(learner.dense_rank_desc(s), expected)


def test_negative_values(learner):
    """Negative values and zero rank by their numeric value (largest first)."""
    s = pd.Series([-3.5, 0.0, -10.0, 2.25, -3.5, -0.5], name="delta")
    expected = pd.Series([4, 2, 5, 1, 4, 3], dtype="int64", name="delta")
    assert_series(learner.dense_rank_desc(s), expected)


def test_dtype_is_int64(learner):
    """The result has dtype int64 for float64 and int64 inputs."""
    for s in (pd.Series([0.5, 1.5, 0.5]), pd.Series(np.array([4, 9, 4], dtype=np.int64))):
        out = learner.dense_rank_desc(s)
        assert isinstance(out, pd.Series), f"result should be a pandas Series, got {type(out).__name__}"
        assert out.dtype == np.dtype("int64"), f"result has dtype {out.dtype}, expected int64"


def test_index_and_name_preserved(learner):
    """The result keeps the input's index labels, their order, and the Series name."""
    s = pd.Series([10, 40, 20, 40], index=pd.Index([103, 7, 55, -2], name="id"), name="score")
    expected = pd.Series([3, 1, 2, 1], index=pd.Index([103, 7, 55, -2], name="id"), name="score", dtype="int64")
    assert_series(learner.dense_rank_desc(s), expected)


def test_all_equal_and_single(learner):
    """All-equal values all get rank 1; a single element gets rank 1."""
    assert_series(learner.dense_rank_desc(pd.Series([3.0, 3.0, 3.0], name="x")),
                  pd.Series([1, 1, 1], dtype="int64", name="x"))
    assert_series(learner.dense_rank_desc(pd.Series([-8], index=["only"])),
                  pd.Series([1], index=["only"], dtype="int64"), what="result for one element")


def test_empty_series(learner):
    """An empty Series gives an empty int64 Series with the same name."""
    s = pd.Series([], dtype="float64", name="v")
    assert_series(learner.dense_rank_desc(s), pd.Series([], dtype="int64", name="v"))


def test_random_matches_pandas(learner):
    """A random Series with many ties matches pandas rank(method='dense', ascending=False)."""
    rng = np.random.default_rng(11)
    s = pd.Series(rng.integers(-50, 50, size=500), index=rng.permutation(1000)[:500], name="r")
    expected = s.rank(method="dense", ascending=False).astype("int64")
    assert_series(learner.dense_rank_desc(s), expected)
    f = pd.Series(np.round(rng.normal(size=400), 1))
    assert_series(learner.dense_rank_desc(f), f.rank(method="dense", ascending=False).astype("int64"),
                  what="result for float input")


def test_input_not_modified(learner):
    """The input Series is left unchanged."""
    s = pd.Series([2.0, -1.0, 2.0, 9.0], index=[3, 2, 1, 0], name="v")
    _, after = learner.dense_rank_desc.call_keep_args(s.copy(deep=True))
    assert_series(after[0], s, what="your input after the call")
