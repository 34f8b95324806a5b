import numpy as np
from scipy import stats

from grader.checklib import assert_array, assert_scalar, assert_type


def _pair(result):
    assert_type(result, tuple, "result")
    assert len(result) == 2, f"result should be a tuple (t, df) of length 2, got length {len(result)}"
    return result


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def _oracle(a, b):
    r = stats.ttest_ind(a, b, equal_var=False)
    return float(r.statistic), float(r.df)


def test_worked_example(learner):
    """The worked example from the statement gives the stated t and df."""
    a = np.array([20.1, 22.4, 19.8, 21.5, 23.0, 20.7])
    b = np.array([18.2, 19.9, 17.5, 18.8])
    t, df = _pair(learner.welch_t(a, b))
    assert_scalar(t, 3.637196636429841, what="t")
    assert_scalar(df, 7.595948767420412, what="df")


def test_returns_tuple_of_floats(learner):
    """The result is a tuple (t, df) of two real numbers."""
    rng = np.random.default_rng(0)
    t, df = _pair(learner.welch_t(rng.normal(size=8), rng.normal(size=9)))
    for name, v in (("t", t), ("df", df)):
        assert isinstance(v, (float, np.floating)) and not isinstance(v, bool), \
            f"{name} should be a float, got {type(v).__name__}"


def test_statistic_matches_scipy(learner):
    """t matches scipy.stats.ttest_ind(equal_var=False) on several random sample pairs."""
    rng = np.random.default_rng(1)
    for n1, n2, s1, s2, shift in [(10, 10, 1.0, 1.0, 0.3), (7, 25, 0.5, 3.0, -1.0),
                                  (40, 6, 4.0, 0.2, 2.0), (3, 2, 1.0, 10.0, 5.0)]:
        a = rng.normal(shift, s1, size=n1)
        b = rng.normal(0.0, s2, size=n2)
        t, _ = _pair(learner.welch_t(a, b))
        assert_scalar(t, _oracle(a, b)[0], what=f"t for sizes ({n1}, {n2})")


def test_df_unequal_sizes_and_variances(learner):
    """df is the Welch-Satterthwaite value when sizes and variances both differ."""
    rng = np.random.default_rng(2)
    for n1, n2, s1, s2 in [(5, 30, 3.0, 0.5), (30, 5, 3.0, 0.5), (12, 4, 0.1, 2.0), (2, 50, 1.0, 1.0)]:
        a = rng.normal(1.0, s1, size=n1)
        b = rng.normal(0.0, s2, size=n2)
        _, df = _pair(learner.welch_t(a, b))
        assert_scalar(df, _oracle(a, b)[1], what=f"df for sizes ({n1}, {n2})")


def test_sign_and_symmetry(learner):
    """t is positive when mean(a) > mean(b); swapping a and b negates t and keeps df."""
    rng = np.random.default_rng(3)
    a = rng.normal(2.0, 1.0, size=9)
    b = rng.normal(0.0, 2.5, size=14)
    t_ab, df_ab = _pair(learner.welch_t(a, b))
    t_ba, df_ba = _pair(learner.welch_t(b, a))
    assert t_ab > 0, "t should be positive when mean(a) > mean(b)"
    assert_scalar(t_ba, -t_ab, what="t after swapping a and b")
    assert_scalar(df_ba, df_ab, what="df after swapping a and b")


def test_sample_of_size_one_raises(learner):
    """A sample with fewer than two values (size 1 or empty) raises ValueError."""
    cases = [("a of size 1", np.array([1.0]), np.array([1.0, 2.0, 3.0])),
             ("b of size 1", np.array([1.0, 2.0, 3.0]), np.array([4.0])),
             ("an empty a", np.array([], dtype=np.float64), np.array([1.0, 2.0]))]
    for what, a, b in cases:
        _expect_value_error(lambda: learner.welch_t(a, b), what)


def test_one_constant_sample(learner):
    """If one sample is constant, t matches scipy and df is the other sample's size minus 1."""
    a = np.full(6, 3.0)
    b = np.array([1.0, 2.5, 2.0, 4.0, 0.5, 1.5, 3.0, 2.2, 1.9])
    t, df = _pair(learner.welch_t(a, b))
    assert_scalar(t, _oracle(a, b)[0], what="t")
    assert_scalar(df, 8.0, what="df")


def test_both_constant_raises(learner):
    """Two constant samples (zero standard error) raise ValueError."""
    _expect_value_error(lambda: learner.welch_t(np.full(4, 2.0), np.full(5, 7.0)), "two constant samples")


def test_integer_input(learner):
    """Integer arrays are accepted and give the same result as their float versions."""
    a = np.array([3, 5, 4, 8, 6, 7, 5], dtype=np.int64)
    b = np.array([1, 2, 6, 3], dtype=np.int64)
    t, df = _pair(learner.welch_t(a, b))
    t0, df0 = _oracle(a.astype(float), b.astype(float))
    assert_scalar(t, t0, what="t")
    assert_scalar(df, df0, what="df")


def test_inputs_not_modified(learner):
    """The input arrays are left unchanged."""
    a = np.array([2.0, 4.0, 3.5, 5.0, 1.0])
    b = np.array([0.5, 1.5, 1.0])
    _, after = learner.welch_t.call_keep_args(a, b)
    assert_array(after[0], a, rtol=0, atol=0, what="a after the call")
    assert_array(after[1], b, rtol=0, atol=0, what="b after the call")
