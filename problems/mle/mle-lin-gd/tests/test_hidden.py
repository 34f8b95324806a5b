import numpy as np
from sklearn.linear_model import LinearRegression

from grader.checklib import assert_array, assert_scalar


def _data(seed, n, d, noise=0.1):
    rng = np.random.default_rng(seed)
    X = rng.normal(loc=rng.uniform(-2, 2, size=d), scale=rng.uniform(0.5, 2.0, size=d), size=(n, d))
    y = X @ rng.normal(size=d) + 3.0 + noise * rng.normal(size=n)
    return X, y


def _check_result(res, w_exp, b_exp, losses_exp, rtol=1e-6, atol=1e-9):
    assert isinstance(res, tuple) and len(res) == 3, "linreg_gd should return a tuple (w, b, losses)"
    w, b, losses = res
    assert_array(w, w_exp, rtol=rtol, atol=atol, what="w")
    assert_scalar(b, b_exp, rtol=rtol, atol=atol, what="b")
    assert isinstance(losses, list), f"losses should be a list, got {type(losses).__name__}"
    assert len(losses) == len(losses_exp), f"losses has length {len(losses)}, expected {len(losses_exp)}"
    for k, (got, exp) in enumerate(zip(losses, losses_exp)):
        assert_scalar(got, exp, rtol=rtol, atol=atol, what=f"losses[{k}]")


EX_X = np.array([[1.0, 2.0], [2.0, 0.0], [0.0, 1.0]])
EX_Y = np.array([3.0, 2.0, 1.0])


def test_worked_example_two_steps(learner):
    """The worked example (3 rows, lr=0.3, 2 steps): exact w, b and the two recorded losses."""
    res = learner.linreg_gd(EX_X, EX_Y, 0.3, 2)
    _check_result(res, np.array([0.73, 0.73]), 0.6, [14 / 6, 0.03])


def test_one_step_exact(learner):
    """A single step from zero on a 3-row example gives the hand-computed w, b and loss."""
    X = np.array([[1.0, -1.0], [0.0, 2.0], [3.0, 1.0]])
    y = np.array([2.0, -1.0, 5.0])
    # residuals -y; grad_w = X.T @ (-y) / 3 = [-17/3, -1/3], grad_b = -2
    res = learner.linreg_gd(X, y, 0.1, 1)
    _check_result(res, np.array([1.7 / 3, 0.1 / 3]), 0.2, [5.0])


def test_zero_iterations(learner):
    """n_iter = 0 returns zero weights, b = 0.0 and an empty loss list."""
    X, y = _data(0, 8, 3)
    _check_result(learner.linreg_gd(X, y, 0.1, 0), np.zeros(3), 0.0, [])


def test_trajectory_matches_reference(learner, reference):
    """30 steps on random data: w, b and every recorded loss match the reference."""
    X, y = _data(1, 40, 4)
    exp = reference.linreg_gd(X, y, 0.05, 30)
    _check_result(learner.linreg_gd(X, y, 0.05, 30), *exp)


def test_losses_non_increasing_small_lr(learner):
    """At a small learning rate the recorded losses never increase, starting at mean(y^2)/2."""
    X, y = _data(2, 60, 3)
    _, _, losses = learner.linreg_gd(X, y, 0.01, 200)
    assert isinstance(losses, list) and len(losses) == 200, "losses should be a list of n_iter values"
    assert_scalar(losses[0], float(np.mean(y ** 2)) / 2, what="losses[0] (loss at w = 0, b = 0)")
    diffs = np.diff(np.array(losses, dtype=float))
    assert np.all(diffs <= 1e-12), f"the loss increased at step {int(np.argmax(diffs > 1e-12)) + 1}"


def test_converges_to_ols(learner):
    """With lr=0.1 and 5000 steps, w and b match the least-squares fit within 1e-4."""
    X, y = _data(3, 100, 3)
    ref = LinearRegression().fit(X, y)
    w, b, _ = learner.linreg_gd(X, y, 0.1, 5000)
    assert_array(w, ref.coef_, rtol=0, atol=1e-4, what="w after 5000 steps")
    assert_scalar(b, ref.intercept_, rtol=0, atol=1e-4, what="b after 5000 steps")


def test_large_n_uses_mean_gradient(learner, reference):
    """n = 10,000 rows with lr = 0.1: the mean-based gradient stays stable and matches the reference."""
    rng = np.random.default_rng(4)
    X = rng.normal(size=(10_000, 3))
    y = X @ np.array([1.0, 2.0, -1.0]) + 3.0 + 0.1 * rng.normal(size=10_000)
    exp = reference.linreg_gd(X, y, 0.1, 50)
    _check_result(learner.linreg_gd(X, y, 0.1, 50), *exp)


def test_single_feature(learner, reference):
    """A single feature gives w of shape (1,) and matches the reference after 20 steps."""
    X, y = _data(5, 15, 1)
    exp = reference.linreg_gd(X, y, 0.2, 20)
    _check_result(learner.linreg_gd(X, y, 0.2, 20), *exp)


def test_inputs_not_modified(learner):
    """X and y are left unchanged."""
    X, y = _data(6, 10, 2)
    _, after = learner.linreg_gd.call_keep_args(X.copy(), y.copy(), 0.1, 5)
    assert_array(after[0], X, rtol=0, atol=0, what="your X after the call")
    assert_array(after[1], y, rtol=0, atol=0, what="your y after the call")
