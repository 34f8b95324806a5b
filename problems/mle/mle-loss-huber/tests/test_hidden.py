import numpy as np
import pytest

from grader.checklib import assert_array, assert_scalar


def _oracle(y, yhat, d):
    r = yhat - y
    a = np.abs(r)
    loss = np.mean(np.where(a <= d, 0.5 * r ** 2, d * (a - 0.5 * d)))
    return float(loss), np.clip(r, -d, d) / r.size


def _call(fn, *args):
    res = fn(*args)
    assert type(res) is tuple and len(res) == 2, "huber should return a tuple (loss, grad)"
    return res


def _check(res, expected, what=""):
    assert_scalar(res[0], expected[0], what=f"loss{what}")
    assert_array(res[1], expected[1], what=f"gradient{what}")


def _data(seed, n=30, scale=2.0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=n), rng.normal(size=n) + rng.normal(scale=scale, size=n)


def test_worked_example(learner):
    """The worked example from the statement: (1.15625, [0.125, -0.25, 0.25, -0.25])."""
    res = _call(learner.huber, np.zeros(4), np.array([0.5, -1.0, 2.0, -3.0]))
    _check(res, (1.15625, np.array([0.125, -0.25, 0.25, -0.25])))


def test_matches_definition_random(learner):
    """Random residuals on both sides of delta (delta = 1 and 0.7) give the right loss and gradient."""
    y, yhat = _data(0)
    for d in (1.0, 0.7):
        _check(_call(learner.huber, y, yhat, d), _oracle(y, yhat, d), what=f" (delta={d})")


def test_continuous_at_delta(learner):
    """The loss is continuous where abs(r) crosses delta: just below and just above differ by almost nothing."""
    d = 2.0
    for sign in (1.0, -1.0):
        below = float(_call(learner.huber, np.array([0.0]), np.array([sign * (d - 1e-9)]), d)[0])
        at = float(_call(learner.huber, np.array([0.0]), np.array([sign * d]), d)[0])
        above = float(_call(learner.huber, np.array([0.0]), np.array([sign * (d + 1e-9)]), d)[0])
        assert_scalar(at, 0.5 * d * d, what=f"loss at r = {sign * d:+g} (delta = 2)")
        assert abs(above - below) < 1e-6, \
            f"loss jumps at abs(r) = delta: {below:.6g} just below, {above:.6g} just above (delta = 2)"


def test_gradient_matches_finite_differences(learner):
    """Your gradient agrees with central finite differences of your own loss (delta = 2.5)."""
    y = np.array([0.3, -1.0, 2.0, 0.0, 1.0, -4.0])
    yhat = np.array([0.1, 3.0, -2.0, 0.9, 1.0, -4.5])
    d, eps = 2.5, 1e-6
    _, grad = _call(learner.huber, y, yhat, d)
    fd = np.empty_like(yhat)
    for i in range(yhat.size):
        up, down = yhat.copy(), yhat.copy()
        up[i] += eps
        down[i] -= eps
        fd[i] = (float(learner.huber(y, up, d)[0]) - float(learner.huber(y, down, d)[0])) / (2 * eps)
    assert_array(grad, fd, rtol=1e-5, atol=1e-8, what="gradient compared with finite differences")
    assert_array(grad, _oracle(y, yhat, d)[1], what="gradient")


def test_large_delta_is_half_mse(learner):
    """With delta far above every residual the loss is 0.5 * mean(r**2) and the gradient r / n."""
    y, yhat = _data(1, n=25, scale=5.0)
    r = yhat - y
    _check(_call(learner.huber, y, yhat, 1e6), (0.5 * float(np.mean(r ** 2)), r / r.size), what=" (delta=1e6)")


def test_small_delta_linear_tails(learner):
    """With delta = 0.1 and large residuals the loss is linear and the gradient is +-delta / n."""
    y = np.zeros(5)
    yhat = np.array([3.0, -2.0, 0.5, -0.05, 10.0])
    _check(_call(learner.huber, y, yhat, 0.1), _oracle(y, yhat, 0.1), what=" (delta=0.1)")


def test_perfect_predictions_and_single_entry(learner):
    """yhat == y gives loss 0 and a zero gradient; a single entry works."""
    y = np.array([1.0, -2.0, 3.5])
    _check(_call(learner.huber, y, y.copy()), (0.0, np.zeros(3)), what=" (perfect predictions)")
    _check(_call(learner.huber, np.array([1.0]), np.array([4.0]), 1.5), (3.375, np.array([1.5])), what=" (one entry)")


def test_invalid_input_raises(learner):
    """Empty inputs or delta <= 0 raise ValueError."""
    with pytest.raises(ValueError):
        learner.huber(np.array([]), np.array([]))
    with pytest.raises(ValueError):
        learner.huber(np.array([1.0, 2.0]), np.array([1.5, 2.5]), 0.0)
    with pytest.raises(ValueError):
        learner.huber(np.array([1.0, 2.0]), np.array([1.5, 2.5]), -1.0)


def test_inputs_not_modified(learner):
    """y and yhat are left unchanged."""
    y, yhat = _data(2, n=10)
    _, after = learner.huber.call_keep_args(y, yhat, 0.5)
    assert_array(after[0], y, rtol=0, atol=0, what="your y after the call")
    assert_array(after[1], yhat, rtol=0, atol=0, what="your yhat after the call")
