import numpy as np
from sklearn.linear_model import LinearRegression

from grader.checklib import assert_array, assert_scalar


def _data(seed, n, d, noise=0.2):
    rng = np.random.default_rng(seed)
    X = rng.normal(loc=rng.uniform(-3, 3, size=d), scale=rng.uniform(0.5, 2.0, size=d), size=(n, d))
    y = X @ rng.normal(size=d) + 2.5 + noise * rng.normal(size=n)
    return X, y


def _check_vs_sklearn(learner, X, y, fit_intercept=True, label=""):
    ref = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    res = learner.ols_fit(X, y, fit_intercept=fit_intercept)
    assert isinstance(res, tuple) and len(res) == 2, "ols_fit should return a tuple (w, b)"
    w, b = res
    assert_array(w, ref.coef_, what=f"w{label}")
    assert_scalar(b, ref.intercept_, what=f"b{label}")
    assert_array(X @ w + float(b), ref.predict(X), what=f"predictions X @ w + b{label}")


def test_worked_example(learner):
    """The worked example from the statement (duplicated column, with and without intercept)."""
    X = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
    y = np.array([1.0, 3.0, 8.0])
    w, b = learner.ols_fit(X, y)
    assert_array(w, np.array([1.75, 1.75]), what="w")
    assert_scalar(b, -3.0, what="b")
    w, b = learner.ols_fit(X, y, fit_intercept=False)
    assert_array(w, np.array([31 / 28, 31 / 28]), what="w with fit_intercept=False")
    assert_scalar(b, 0.0, what="b with fit_intercept=False")


def test_matches_sklearn_with_intercept(learner):
    """Full-rank data with non-zero means: w and b match sklearn's LinearRegression."""
    X, y = _data(0, 50, 4)
    _check_vs_sklearn(learner, X, y)


def test_no_intercept_gives_zero_b(learner):
    """fit_intercept=False: w matches sklearn's LinearRegression(fit_intercept=False) and b == 0.0."""
    X, y = _data(1, 40, 3)
    ref = LinearRegression(fit_intercept=False).fit(X, y)
    w, b = learner.ols_fit(X, y, fit_intercept=False)
    assert_array(w, ref.coef_, what="w")
    assert isinstance(b, (int, float, np.floating)) and not isinstance(b, bool), "b should be a float"
    assert b == 0.0, f"b should be exactly 0.0 when fit_intercept=False, got {float(b):.6g}"


def test_duplicated_column(learner):
    """A duplicated column: no error, predictions and minimum-norm coefficients match sklearn."""
    X, y = _data(2, 30, 3)
    X = np.hstack([X, X[:, [1]]])
    _check_vs_sklearn(learner, X, y)
    _check_vs_sklearn(learner, X, y, fit_intercept=False, label=" (fit_intercept=False)")


def test_constant_column_gets_zero(learner):
    """A constant column gets coefficient 0 (the intercept absorbs it), as in sklearn."""
    X, y = _data(3, 30, 3)
    X = np.hstack([X[:, :2], np.full((30, 1), 2.5), X[:, 2:]])
    _check_vs_sklearn(learner, X, y)


def test_more_features_than_samples(learner):
    """d > n: the minimum-norm solution matches sklearn (with and without intercept)."""
    X, y = _data(4, 5, 9)
    _check_vs_sklearn(learner, X, y)
    _check_vs_sklearn(learner, X, y, fit_intercept=False, label=" (fit_intercept=False)")


def test_single_feature(learner):
    """A single feature: w has shape (1,) and dtype float64, matching sklearn."""
    X, y = _data(5, 15, 1)
    _check_vs_sklearn(learner, X, y)


def test_single_sample(learner):
    """One sample with intercept: w is all zeros and b equals that sample's y."""
    X = np.array([[2.0, -1.0, 4.0]])
    y = np.array([3.5])
    w, b = learner.ols_fit(X, y)
    assert_array(w, np.zeros(3), rtol=0, atol=1e-12, what="w")
    assert_scalar(b, 3.5, what="b")


def test_exact_fit_recovers_coefficients(learner):
    """Noise-free full-rank data: the true coefficients and intercept are recovered."""
    rng = np.random.default_rng(6)
    X = rng.normal(loc=5.0, size=(20, 3))
    y = X @ np.array([1.5, -2.0, 0.25]) - 7.0
    w, b = learner.ols_fit(X, y)
    assert_array(w, np.array([1.5, -2.0, 0.25]), rtol=1e-8, atol=1e-9, what="w")
    assert_scalar(b, -7.0, rtol=1e-8, atol=1e-8, what="b")


def test_inputs_not_modified(learner):
    """X and y are left unchanged."""
    X, y = _data(7, 12, 3)
    _, after = learner.ols_fit.call_keep_args(X.copy(), y.copy())
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
    assert_array(after[1], y, rtol=0, atol=0, what="your y after the call")
