import numpy as np
from sklearn.linear_model import LinearRegression

from grader.checklib import assert_array, assert_raises, assert_scalar, covers, probe_call


def _data(seed, n=500, slope=0.8, noise=1.0):
    rng = np.random.default_rng(seed)
    x = rng.normal(10.0, 2.0, size=n)
    y = 3.0 + slope * x + rng.normal(0.0, noise, size=n)
    return y, x


def _oracle(y, x):
    """sklearn's OLS slope of y on x is theta; the adjusted metric is y - theta * (x - mean(x))."""
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    slope = LinearRegression().fit(x.reshape(-1, 1), y).coef_[0]
    return y - slope * (x - x.mean())


def _array(out, n, what="the result"):
    assert type(out) is np.ndarray, f"{what} should be a numpy array, got {type(out).__name__}"
    assert out.shape == (n,), f"{what} should have shape ({n},), got {out.shape}"
    assert out.dtype == np.float64, f"{what} should be float64, got {out.dtype}"
    return out


@covers("theta", "centered")
def test_worked_example(learner):
    """The statement's example gives [6, 6.5, 5, 6.5, 6]."""
    y = np.array([2.0, 4.5, 5.0, 8.5, 10.0])
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    assert_array(learner.cuped(y, x), np.array([6.0, 6.5, 5.0, 6.5, 6.0]))


@covers("float64")
def test_returns_float64_array(learner):
    """The result is a 1-D float64 NumPy array with the length of y."""
    y, x = _data(0, n=40)
    _array(learner.cuped(y, x), 40)


@covers("theta")
def test_small_samples_exact(learner):
    """On small hand-made samples the adjusted metric equals the one with the variance-minimising coefficient."""
    cases = [
        (np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0]), np.array([2.0, 7.0, 1.0, 8.0, 2.0, 8.0])),
        (np.array([10.0, 12.0, 9.0, 15.0]), np.array([1.0, 2.0, 3.0, 6.0])),
        (np.array([1.0, 4.0]), np.array([0.0, 2.0])),
    ]
    for i, (y, x) in enumerate(cases):
        assert_array(learner.cuped(y, x), _oracle(y, x), what=f"adjusted metric of small sample {i + 1}")


@covers("theta", "centered")
def test_matches_regression_adjustment(learner):
    """On random correlated data (positive, negative and weak slopes) the result matches the regression adjustment."""
    for seed, slope in [(1, 0.8), (2, -1.5), (3, 0.05)]:
        y, x = _data(seed, n=300, slope=slope)
        assert_array(learner.cuped(y, x), _oracle(y, x), what=f"adjusted metric (data set {seed})")


@covers("centered")
def test_mean_preserved(learner):
    """The adjusted metric has the mean of y, also when x is far from zero."""
    for seed, shift in ((4, 0.0), (5, 1e4)):
        y, x = _data(seed, n=1000)
        out = learner.cuped(y, x + shift)
        assert_scalar(float(np.mean(out)), float(np.mean(y)), what="mean of the adjusted metric")


@covers("theta")
def test_variance_reduced_and_uncorrelated(learner):
    """On correlated data the variance drops as far as one coefficient allows, and the result is uncorrelated with x."""
    y, x = _data(5, n=2000)
    out = learner.cuped(y, x)
    rho = np.corrcoef(x, y)[0, 1]
    assert float(np.var(out)) < float(np.var(y)), "the adjusted metric should have a lower variance than y"
    assert_scalar(float(np.var(out)), float(np.var(y)) * (1 - rho ** 2), what="variance of the adjusted metric")
    c = float(np.corrcoef(x, out)[0, 1])
    assert abs(c) < 1e-9, f"the adjusted metric should be uncorrelated with x, correlation is {c:.3g}"


@covers("constant-x")
def test_constant_covariate_returns_y(learner):
    """A constant x (including 0.1 and a single user) returns y unchanged, with no warning or NaN."""
    f = learner.fn("cuped", warnings="error")
    y = np.array([4.0, 2.5, 7.0, 1.0, 3.5])
    assert_array(f(y, np.full(5, 3.0)), y, rtol=0, atol=0, what="result for x = [3, 3, 3, 3, 3]")
    y2, _ = _data(6, n=7)
    assert_array(f(y2, np.full(7, 0.1)), y2, rtol=0, atol=0, what="result for x = [0.1] * 7")
    assert_array(f(y2, np.full(7, -0.0)), y2, rtol=0, atol=0, what="result for x of zeros")
    assert_array(f(np.array([5.0]), np.array([2.0])), np.array([5.0]), rtol=0, atol=0,
                 what="result for a single user")


@covers("not-constant")
def test_tiny_spread_is_still_adjusted(learner):
    """An x whose values differ only slightly is not constant: y is adjusted all the same."""
    f = learner.fn("cuped", warnings="error")
    y = np.array([1.0, 3.0, 2.0, 5.0, 4.0])
    for x in (np.arange(5) * 1e-7, 1000.0 + np.arange(5) * 1e-5, np.array([2.0, 2.0, 2.0, 2.0, 2.0 + 2 ** -40])):
        out = _array(f(y, x), 5)
        assert_array(out, _oracle(y, x), rtol=1e-6, atol=1e-6,
                     what="result for an x whose values are close but not all equal")


@covers("float64", "constant-x")
def test_integer_inputs(learner):
    """Integer arrays give a float64 result, on the constant branch and the single-user branch too."""
    y = np.array([3, 1, 4, 1, 5, 9], dtype=np.int64)
    x = np.array([2, 7, 1, 8, 2, 8], dtype=np.int64)
    assert_array(_array(learner.cuped(y, x), 6), _oracle(y, x), what="result for integer inputs")
    out = _array(learner.cuped(y, np.full(6, 4, dtype=np.int64)), 6, "the result for a constant integer x")
    assert_array(out, y.astype(np.float64), what="result for a constant integer x")
    out = _array(learner.cuped(np.array([7], dtype=np.int32), np.array([1], dtype=np.int32)), 1,
                 "the result for a single user")
    assert_array(out, np.array([7.0]), what="result for a single user")


@covers("new-array")
def test_returns_a_new_array(learner):
    """The result is a new array, not y itself or a view of it, on the constant branch too."""
    y, x = _data(8, n=20)
    for xs, what in ((x, "the result"), (np.full(20, 1.5), "the result for a constant x"),
                     (np.array([2.0]), "the result for a single user")):
        ys = y[: xs.size].copy()
        _, probe = probe_call(learner.fn("cuped"), ys, xs, aliasing=True)
        probe.assert_new(what)


@covers("length-raises")
def test_different_lengths_raise(learner):
    """y and x of different lengths raise ValueError, whether x is constant, one value, or y is one value."""
    cases = [(np.array([1.0, 2.0, 3.0]), np.array([2.0, 2.0])), (np.arange(5.0), np.array([2.0])),
             (np.array([4.0]), np.array([1.0, 2.0, 5.0, 3.0])), (np.arange(6.0), np.array([1.0, 3.0, 2.0, 0.5]))]
    for y, x in cases:
        with assert_raises(ValueError, f"y of length {y.size} with x of length {x.size}"):
            learner.cuped(y, x)


@covers("empty-raises")
def test_empty_raises(learner):
    """Empty arrays raise ValueError (float and integer)."""
    with assert_raises(ValueError, "empty y and x"):
        learner.cuped(np.array([], dtype=float), np.array([], dtype=float))
    with assert_raises(ValueError, "empty integer y and x"):
        learner.cuped(np.array([], dtype=np.int64), np.array([], dtype=np.int64))


@covers("inputs-unchanged")
def test_inputs_not_modified(learner):
    """y and x are left unchanged (a constant x too)."""
    y, x = _data(7, n=50)
    for xs in (x, np.full(50, 2.0)):
        _, after = learner.cuped.call_keep_args(y, xs)
        assert_array(after[0], y, rtol=0, atol=0, what="y after the call")
        assert_array(after[1], xs, rtol=0, atol=0, what="x after the call")
