import numpy as np
import pytest
from sklearn.linear_model import Ridge

from grader.checklib import assert_array, assert_scalar


def _data(seed, n, d, noise=0.3):
    rng = np.random.default_rng(seed)
    X = rng.normal(loc=rng.uniform(-3, 3, size=d), scale=rng.uniform(0.5, 2.0, size=d), size=(n, d))
    w = rng.normal(size=d)
    y = X @ w + 4.0 + noise * rng.normal(size=n)
    return X, y


def test_worked_example(learner):
    """The worked example from the statement: w = [0.875, 0.875], b = 0.5."""
    X = np.array([[1.0, 2.0], [2.0, 0.0], [3.0, 1.0], [4.0, 3.0]])
    y = np.array([3.0, 2.0, 4.0, 7.0])
    w, b = learner.ridge_fit(X, y, 1.0)
    assert_array(w, np.array([0.875, 0.875]), what="w")
    assert_scalar(b, 0.5, what="b")


def test_matches_sklearn_ridge(learner):
    """w and b match sklearn's Ridge(alpha) for several alpha values on data with non-zero means."""
    X, y = _data(0, 60, 4)
    for alpha in (0.1, 3.0, 50.0):
        ref = Ridge(alpha=alpha).fit(X, y)
        w, b = learner.ridge_fit(X, y, alpha)
        assert_array(w, ref.coef_, what=f"w for alpha={alpha}")
        assert_scalar(b, ref.intercept_, what=f"b for alpha={alpha}")


def test_more_features_than_samples(learner):
    """With d > n and alpha > 0 the fit still matches sklearn's Ridge."""
    X, y = _data(1, 6, 10)
    ref = Ridge(alpha=0.5).fit(X, y)
    w, b = learner.ridge_fit(X, y, 0.5)
    assert_array(w, ref.coef_, what="w")
    assert_scalar(b, ref.intercept_, what="b")


def test_alpha_zero_is_ols(learner):
    """alpha = 0 gives the ordinary least-squares fit with intercept."""
    X, y = _data(2, 40, 3)
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    w, b = learner.ridge_fit(X, y, 0.0)
    assert_array(w, theta[:-1], what="w")
    assert_scalar(b, theta[-1], what="b")


def test_huge_alpha_gives_mean(learner):
    """A very large alpha shrinks w to about 0 while b tends to mean(y), not to 0."""
    X, y = _data(3, 30, 3)
    y = y + 20.0
    w, b = learner.ridge_fit(X, y, 1e12)
    assert_array(w, np.zeros(3), rtol=0, atol=1e-8, what="w")
    assert_scalar(b, y.mean(), rtol=1e-8, atol=1e-8, what="b")


def test_intercept_not_penalised(learner):
    """Adding a constant c to y leaves w unchanged and adds c to b."""
    X, y = _data(4, 25, 3)
    w0, b0 = learner.ridge_fit(X, y, 10.0)
    w1, b1 = learner.ridge_fit(X, y + 100.0, 10.0)
    assert_array(w1, w0, rtol=1e-8, atol=1e-10, what="w after shifting y")
    assert_scalar(float(b1) - float(b0), 100.0, rtol=1e-8, atol=1e-8, what="change in b")


def test_single_feature_shapes(learner):
    """A single feature gives w of shape (1,), dtype float64, and a scalar b."""
    X, y = _data(5, 12, 1)
    ref = Ridge(alpha=2.0).fit(X, y)
    w, b = learner.ridge_fit(X, y, 2.0)
    assert_array(w, ref.coef_, what="w")
    assert_scalar(b, ref.intercept_, what="b")


def test_single_sample(learner):
    """With one sample and alpha > 0, w is all zeros and b equals that sample's y."""
    X = np.array([[2.0, -1.0, 5.0]])
    y = np.array([7.5])
    w, b = learner.ridge_fit(X, y, 1.0)
    assert_array(w, np.zeros(3), rtol=0, atol=1e-12, what="w")
    assert_scalar(b, 7.5, what="b")


def test_negative_alpha_raises(learner):
    """A negative alpha raises ValueError."""
    X, y = _data(6, 10, 2)
    with pytest.raises(ValueError):
        learner.ridge_fit(X, y, -1.0)


def test_inputs_not_modified(learner):
    """X and y are left unchanged."""
    X, y = _data(7, 15, 3)
    _, after = learner.ridge_fit.call_keep_args(X.copy(), y.copy(), 1.0)
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
    assert_array(after[1], y, rtol=0, atol=0, what="your y after the call")
