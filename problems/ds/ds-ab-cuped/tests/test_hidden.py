import numpy as np
from sklearn.linear_model import LinearRegression

from grader.checklib import assert_array, assert_scalar


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def _data(seed, n=500, slope=0.8, noise=1.0):
    rng = np.random.default_rng(seed)
    x = rng.normal(10.0, 2.0, size=n)
    y = 3.0 + slope * x + rng.normal(0.0, noise, size=n)
    return y, x


def _oracle(y, x):
    """sklearn's OLS slope of y on x is theta; the adjusted metric is y - theta * (x - mean(x))."""
    slope = LinearRegression().fit(x.reshape(-1, 1), y).coef_[0]
    return y - slope * (x - x.mean())


def test_worked_example(learner):
    """The statement's example: theta = 2 gives [6, 6.5, 5, 6.5, 6]."""
    y = np.array([2.0, 4.5, 5.0, 8.5, 10.0])
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    assert_array(learner.cuped(y, x), np.array([6.0, 6.5, 5.0, 6.5, 6.0]))


def test_returns_float64_array(learner):
    """The result is a float64 NumPy array with the shape of y."""
    y, x = _data(0, n=40)
    out = learner.cuped(y, x)
    assert type(out) is np.ndarray, f"the result should be a numpy array, got {type(out).__name__}"
    assert out.shape == y.shape and out.dtype == np.float64, \
        f"the result should be float64 of shape {y.shape}, got {out.dtype} {out.shape}"


def test_precomputed_theta(learner):
    """On small samples, (y - result) / (x - mean(x)) equals the precomputed theta = cov(x, y) / var(x)."""
    cases = [
        (np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0]), np.array([2.0, 7.0, 1.0, 8.0, 2.0, 8.0]), -1 / 166),
        (np.array([10.0, 12.0, 9.0, 15.0]), np.array([1.0, 2.0, 3.0, 6.0]), 13 / 14),
    ]
    for y, x, theta in cases:
        out = learner.cuped(y, x)
        assert_array(out, y - theta * (x - x.mean()), what=f"adjusted metric (theta should be {theta:.6g})")


def test_matches_regression_adjustment(learner):
    """On random correlated data the result equals y - slope * (x - mean(x)) with sklearn's OLS slope."""
    for seed, slope in [(1, 0.8), (2, -1.5), (3, 0.05)]:
        y, x = _data(seed, n=300, slope=slope)
        assert_array(learner.cuped(y, x), _oracle(y, x), what=f"adjusted metric (seed {seed})")


def test_mean_preserved(learner):
    """The adjusted metric has exactly the mean of y (the covariate is centered)."""
    y, x = _data(4, n=1000)
    out = learner.cuped(y, x)
    assert_scalar(float(np.mean(out)), float(np.mean(y)), what="mean of the adjusted metric")


def test_variance_reduced_and_uncorrelated(learner):
    """On correlated data the variance drops to var(y)·(1 - rho²) and the result is uncorrelated with x."""
    y, x = _data(5, n=2000)
    out = learner.cuped(y, x)
    rho = np.corrcoef(x, y)[0, 1]
    assert float(np.var(out)) < float(np.var(y)), "the adjusted metric should have a lower variance than y"
    assert_scalar(float(np.var(out)), float(np.var(y)) * (1 - rho ** 2), what="variance of the adjusted metric")
    c = float(np.corrcoef(x, out)[0, 1])
    assert abs(c) < 1e-9, f"the adjusted metric should be uncorrelated with x, correlation is {c:.3g}"


def test_constant_covariate_returns_y(learner):
    """A constant x returns y unchanged (as float64), with no division-by-zero warning or NaN."""
    f = learner.fn("cuped", warnings="error")
    y = np.array([4.0, 2.5, 7.0, 1.0, 3.5])
    assert_array(f(y, np.full(5, 3.0)), y, what="result for x = [3, 3, 3, 3, 3]")
    y2, _ = _data(6, n=7)
    assert_array(f(y2, np.full(7, 0.1)), y2, what="result for x = [0.1] * 7")
    assert_array(f(np.array([5.0]), np.array([2.0])), np.array([5.0]), what="result for a single user")


def test_integer_inputs(learner):
    """Integer arrays are accepted and give a float64 result."""
    y = np.array([3, 1, 4, 1, 5, 9], dtype=np.int64)
    x = np.array([2, 7, 1, 8, 2, 8], dtype=np.int64)
    yf, xf = y.astype(float), x.astype(float)
    assert_array(learner.cuped(y, x), yf + (xf - xf.mean()) / 166, what="result for integer inputs")


def test_bad_input_raises(learner):
    """Empty arrays or arrays of different lengths raise ValueError."""
    _expect_value_error(lambda: learner.cuped(np.array([], dtype=float), np.array([], dtype=float)), "empty y and x")
    _expect_value_error(lambda: learner.cuped(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0])),
                        "y of length 3 with x of length 2")


def test_inputs_not_modified(learner):
    """y and x are left unchanged."""
    y, x = _data(7, n=50)
    _, after = learner.cuped.call_keep_args(y, x)
    assert_array(after[0], y, rtol=0, atol=0, what="y after the call")
    assert_array(after[1], x, rtol=0, atol=0, what="x after the call")
