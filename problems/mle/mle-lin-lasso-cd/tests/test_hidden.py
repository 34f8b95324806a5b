import numpy as np
import pytest
from sklearn.linear_model import Lasso

from grader.checklib import assert_array


def _data(seed, n, d, corr=0.6):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    X[:, 1:] += corr * X[:, :-1]          # neighbouring columns correlated
    w = rng.normal(size=d) * (rng.random(d) < 0.6)
    y = X @ w + 0.3 * rng.normal(size=n)
    return X, y


def _sk(X, y, alpha):
    return Lasso(alpha=alpha, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_


EX_X = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 3.0], [0.0, 1.0]])
EX_Y = np.array([3.0, 3.0, 7.0, 0.5])


def test_worked_example(learner):
    """The worked example: converged fit at alpha=0.5, one sweep only, and all zeros at alpha=8."""
    assert_array(learner.lasso_cd(EX_X, EX_Y, 0.5), np.array([99 / 82, 70 / 82]), rtol=1e-6, atol=1e-6,
                 what="w for alpha=0.5")
    assert_array(learner.lasso_cd(EX_X, EX_Y, 0.5, n_iter=1), np.array([2.0, 1 / 6]), what="w after one sweep")
    assert_array(learner.lasso_cd(EX_X, EX_Y, 8.0), np.zeros(2), rtol=0, atol=0, what="w for alpha=8")


def test_matches_sklearn_lasso(learner):
    """Several alphas on correlated data: w matches sklearn Lasso(fit_intercept=False) within 1e-4."""
    X, y = _data(0, 80, 8)
    for alpha in (0.02, 0.2, 0.6):
        assert_array(learner.lasso_cd(X, y, alpha), _sk(X, y, alpha), rtol=0, atol=1e-4, what=f"w for alpha={alpha}")


def test_more_features_than_samples(learner):
    """d > n (15 features, 10 samples) with alpha = 0.1: matches sklearn within 1e-4."""
    X, y = _data(1, 10, 15, corr=0.0)
    assert_array(learner.lasso_cd(X, y, 0.1), _sk(X, y, 0.1), rtol=0, atol=1e-4, what="w")


def test_alpha_at_max_gives_zeros(learner):
    """alpha >= max|X^T y| / n gives the all-zero vector (at the boundary and above it)."""
    X, y = _data(2, 50, 6)
    a_max = float(np.max(np.abs(X.T @ y)) / len(y))
    assert_array(learner.lasso_cd(X, y, a_max), np.zeros(6), rtol=0, atol=1e-12, what="w at alpha = max|X^T y|/n")
    assert_array(learner.lasso_cd(X, y, 1.5 * a_max), np.zeros(6), rtol=0, atol=0, what="w at alpha = 1.5 max|X^T y|/n")


def test_zero_column_gives_zero(learner):
    """An all-zero column gets coefficient 0 with no division by zero (RuntimeWarnings as errors)."""
    X, y = _data(3, 40, 5)
    X[:, 2] = 0.0
    f = learner.fn("lasso_cd", warnings="error")
    for alpha in (0.1, 0.0):
        w = f(X, y, alpha)
        assert_array(w[2:3], np.zeros(1), rtol=0, atol=0, what=f"coefficient of the zero column (alpha={alpha})")
    assert_array(f(X, y, 0.1), _sk(X, y, 0.1), rtol=0, atol=1e-4, what="w (alpha=0.1)")


def test_single_sweep_is_cyclic(learner, reference):
    """n_iter = 1 and 3: exactly that many cyclic sweeps, each coordinate using the latest values."""
    X, y = _data(4, 30, 5, corr=0.9)
    for k in (1, 3):
        assert_array(learner.lasso_cd(X, y, 0.05, n_iter=k, tol=0.0), reference.lasso_cd(X, y, 0.05, n_iter=k, tol=0.0),
                     rtol=1e-9, atol=1e-12, what=f"w after {k} sweep(s)")


def test_tol_stops_early(learner, reference):
    """A loose tol = 1e-3 stops after the first sweep whose largest change is below tol."""
    X, y = _data(5, 40, 6, corr=0.95)
    assert_array(learner.lasso_cd(X, y, 0.01, tol=1e-3), reference.lasso_cd(X, y, 0.01, tol=1e-3),
                 rtol=1e-8, atol=1e-12, what="w with tol=1e-3")


def test_alpha_zero_is_least_squares(learner):
    """alpha = 0 on well-conditioned full-rank data gives the least-squares fit (within 1e-6)."""
    X, y = _data(6, 60, 4, corr=0.2)
    ls = np.linalg.lstsq(X, y, rcond=None)[0]
    assert_array(learner.lasso_cd(X, y, 0.0), ls, rtol=0, atol=1e-6, what="w at alpha=0")


def test_negative_alpha_raises(learner):
    """A negative alpha raises ValueError."""
    X, y = _data(7, 10, 3)
    with pytest.raises(ValueError):
        learner.lasso_cd(X, y, -0.1)


def test_inputs_not_modified(learner):
    """X and y are left unchanged."""
    X, y = _data(8, 20, 4)
    _, after = learner.lasso_cd.call_keep_args(X.copy(), y.copy(), 0.1)
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
    assert_array(after[1], y, rtol=0, atol=0, what="your y after the call")
