import numpy as np
import pytest

from grader.checklib import assert_array


def _rng(learner, seed):
    """A fresh np.random.Generator living in the sandbox (passed to the learner as a handle)."""
    return learner.invoke("numpy.random.default_rng", seed)


def _split(fn, y, test_size, rng):
    res = fn(y, test_size, rng)
    assert type(res) is tuple and len(res) == 2, "stratified_split should return a tuple (train_idx, test_idx)"
    train, test = res
    for name, a in (("train_idx", train), ("test_idx", test)):
        assert type(a) is np.ndarray and a.ndim == 1 and a.dtype == np.int64, \
            f"{name} should be a 1-D int64 numpy array"
        assert np.all(np.diff(a) > 0), f"{name} should be sorted in increasing order without repeats"
    assert len(np.intersect1d(train, test)) == 0, "some rows are in both the train and the test set"
    assert np.array_equal(np.union1d(train, test), np.arange(len(y))), \
        "train and test together should cover every row index exactly once"
    return train, test


def _test_counts(y, test):
    labels, counts = np.unique(np.asarray(y)[test], return_counts=True)
    return dict(zip(labels.tolist(), counts.tolist()))


def test_worked_example_structure(learner):
    """The worked example: disjoint sorted int64 index arrays covering all rows, counts {0: 2, 1: 1}."""
    y = np.array([0, 1, 0, 0, 1, 2, 0, 1, 0, 0])
    _, test = _split(learner.stratified_split, y, 0.3, _rng(learner, 0))
    assert _test_counts(y, test) == {0: 2, 1: 1}, f"test rows per class are {_test_counts(y, test)}"


def test_per_class_counts_rounded(learner):
    """Classes of 10, 7, 23 and 4 rows at test_size 0.3 get exactly 3, 2, 7 and 1 test rows."""
    y = np.random.default_rng(0).permutation(np.repeat([5, 6, 7, 8], [10, 7, 23, 4]))
    _, test = _split(learner.stratified_split, y, 0.3, _rng(learner, 1))
    got = _test_counts(y, test)
    assert got == {5: 3, 6: 2, 7: 7, 8: 1}, f"test rows per class are {got}; expected round(0.3 * n_c) per class"


def test_proportions_within_one_row(learner):
    """Random labels at test_size 0.2 and 0.65: every class's test count is within one row of test_size * n_c."""
    y = np.random.default_rng(1).integers(0, 6, size=137)
    for i, ts in enumerate((0.2, 0.65)):
        _, test = _split(learner.stratified_split, y, ts, _rng(learner, 2 + i))
        got = _test_counts(y, test)
        for c, n_c in zip(*np.unique(y, return_counts=True)):
            assert abs(got.get(int(c), 0) - ts * n_c) <= 1, \
                f"class {c} ({n_c} rows) has {got.get(int(c), 0)} test rows at test_size {ts}"


def test_small_classes_get_train_and_test(learner):
    """Classes of 2 and 3 rows get one test row at test_size 0.1 and keep a train row at 0.9; a singleton stays in train."""
    y = np.array([1, 1, 2, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4])
    _, test = _split(learner.stratified_split, y, 0.1, _rng(learner, 4))
    got = _test_counts(y, test)
    assert got.get(1) == 1 and got.get(2) == 1, f"at test_size 0.1 classes of 2 and 3 rows got {got.get(1, 0)} and {got.get(2, 0)} test rows (expected 1 each)"
    assert 3 not in got, "the class with a single row should stay in the train set"
    train, test = _split(learner.stratified_split, y, 0.9, _rng(learner, 5))
    got = _test_counts(y, test)
    assert got.get(1) == 1 and got.get(2) == 2, f"at test_size 0.9 classes of 2 and 3 rows got {got.get(1, 0)} and {got.get(2, 0)} test rows (expected 1 and 2)"
    assert 3 not in got, "the class with a single row should stay in the train set"


def test_exact_half_counts_round_to_even(learner):
    """Exact halves round to even: classes of 5, 9, 7, 13, 11 rows at test_size 0.5 get 2, 4, 4, 6, 6 test rows."""
    sizes, expected = [5, 9, 7, 13, 11], {0: 2, 1: 4, 2: 4, 3: 6, 4: 6}
    y = np.random.default_rng(16).permutation(np.repeat(np.arange(5), sizes))
    _, test = _split(learner.stratified_split, y, 0.5, _rng(learner, 17))
    got = _test_counts(y, test)
    assert got == expected, f"test rows per class are {got}; expected {expected} (round half to even)"
    y = np.repeat([0, 1], [10, 20])  # 0.25 * 10 = 2.5 -> 2, 0.25 * 20 = 5
    _, test = _split(learner.stratified_split, y, 0.25, _rng(learner, 18))
    got = _test_counts(y, test)
    assert got == {0: 2, 1: 5}, f"test rows per class are {got} at test_size 0.25; expected {{0: 2, 1: 5}}"


def test_all_singletons_empty_test_set(learner):
    """Every class a single row: every index in train and an empty int64 test array (also for n = 1)."""
    for y in (np.array([4, 2, 9, 7, 0]), np.array(["a", "c", "b"]), np.array([3])):
        train, test = _split(learner.stratified_split, y, 0.5, _rng(learner, 19))
        assert len(test) == 0, f"with {len(y)} classes of one row each the test set should be empty"
        assert_array(train, np.arange(len(y), dtype=np.int64), rtol=0, atol=0, what="train_idx of all-singleton labels")


def test_string_labels(learner):
    """String labels work like integer labels."""
    y = np.array(["cat", "dog", "cat", "cat", "bird", "dog", "cat", "dog", "bird", "cat"])
    _, test = _split(learner.stratified_split, y, 0.4, _rng(learner, 6))
    got = _test_counts(y, test)
    assert got == {"bird": 1, "cat": 2, "dog": 1}, f"test rows per class are {got}"


def test_test_rows_chosen_at_random_within_class(learner):
    """Across 200 classes of 10 rows, each position within a class lands in the test set about 30% of the time."""
    y = np.random.default_rng(7).permutation(np.repeat(np.arange(200), 10))
    _, test = _split(learner.stratified_split, y, 0.3, _rng(learner, 8))
    in_test = np.zeros(len(y), dtype=bool)
    in_test[test] = True
    pos = np.zeros(len(y), dtype=int)  # position of each row among the rows of its class (0..9)
    for c in range(200):
        pos[np.flatnonzero(y == c)] = np.arange(10)
    share = np.array([in_test[pos == j].mean() for j in range(10)])
    # 200 classes: the share for each position is ~Binomial(200, 0.3)/200, sd 0.032; band +-0.16 is 5 sd
    assert np.all(np.abs(share - 0.3) <= 0.16), (
        f"the share of classes whose j-th row is in the test set should be about 0.3 for every j; "
        f"got {np.round(share, 2).tolist()}")


def test_reproducible_and_random(learner):
    """Same seed gives the same split; other seeds give other splits."""
    y = np.random.default_rng(9).integers(0, 3, size=60)
    a = _split(learner.stratified_split, y, 0.25, _rng(learner, 10))
    b = _split(learner.stratified_split, y, 0.25, _rng(learner, 10))
    assert_array(b[1], a[1], what="test_idx with a second generator of the same seed")
    others = [_split(learner.stratified_split, y, 0.25, _rng(learner, s))[1] for s in (11, 12)]
    assert any(not np.array_equal(a[1], o) for o in others), \
        "seeds 10, 11 and 12 all gave the same test set: is the randomness taken from rng?"


def test_invalid_input_raises(learner):
    """test_size 0, 1 or 1.5, or an empty y, raises ValueError."""
    y = np.array([0, 0, 1, 1])
    for ts in (0.0, 1.0, 1.5):
        with pytest.raises(ValueError):
            learner.stratified_split(y, ts, _rng(learner, 13))
    with pytest.raises(ValueError):
        learner.stratified_split(np.array([], dtype=np.int64), 0.3, _rng(learner, 14))


def test_input_not_modified(learner):
    """y is left unchanged (rule G1)."""
    y = np.array([3, 1, 3, 2, 1, 3, 2, 2])
    _, after = learner.stratified_split.call_keep_args(y, 0.5, _rng(learner, 15))
    assert_array(after[0], y, rtol=0, atol=0, what="your y after the call")
