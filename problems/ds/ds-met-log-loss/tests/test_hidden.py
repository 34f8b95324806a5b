import numpy as np

from grader.checklib import assert_array, assert_scalar


def _formula(y, p, eps=1e-15):
    """Independent closed-form oracle in float64."""
    y = np.asarray(y, dtype=np.float64)
    q = np.clip(np.asarray(p, dtype=np.float64), eps, 1 - eps)
    return float(np.mean(np.where(y == 1, -np.log(q), -np.log1p(-q))))


def _loss(result, expected, what="log loss", rtol=1e-6):
    assert isinstance(result, (float, np.floating)), f"{what} should be a float, got {type(result).__name__}"
    assert np.isfinite(result), f"{what} should be finite, got {result}"
    assert_scalar(result, expected, rtol=rtol, what=what)


def _expect_value_error(call, what):
    try:
        call()
    except ValueError:
        return
    raise AssertionError(f"{what} should raise ValueError, but no exception was raised")


def test_worked_example(learner):
    """The worked example from the statement (one p = 0 on a negative) gives 0.2098..."""
    _loss(learner.log_loss([1, 0, 1, 0], [0.9, 0.2, 0.6, 0.0]), 0.20983242268450694)


def test_matches_closed_formula(learner):
    """Random labels and probabilities: matches the closed formula (a mean, not a sum)."""
    rng = np.random.default_rng(40)
    for n in (1, 7, 500, 5000):
        y = (rng.random(n) < 0.4).astype(np.int64)
        p = rng.random(n)
        _loss(learner.log_loss(y, p), _formula(y, p), what=f"log loss for n={n}")


def test_p_zero_for_positive_stays_finite(learner):
    """p = 0 with y = 1 is clipped to eps: the loss is finite (no log(0) warning)."""
    f = learner.fn("log_loss", warnings="error")
    _loss(f(np.array([1]), np.array([0.0])), -np.log(1e-15), what="log loss of y=1, p=0", rtol=1e-4)
    y = np.array([1, 1, 0, 0, 1])
    p = np.array([0.0, 0.7, 0.1, 0.3, 0.0])
    _loss(f(y, p), _formula(y, p), what="log loss with two p=0 positives", rtol=1e-4)


def test_p_one_for_negative_stays_finite(learner):
    """p = 1 with y = 0 is clipped to 1 - eps: the loss is finite (no log(0) warning)."""
    f = learner.fn("log_loss", warnings="error")
    y = np.array([0, 1, 0, 1])
    p = np.array([1.0, 1.0, 0.4, 0.8])
    _loss(f(y, p), _formula(y, p), what="log loss with p=1 on a negative", rtol=1e-4)


def test_custom_eps_is_used(learner):
    """The eps argument sets the clipping bound (eps=1e-3 and eps=0.05)."""
    y = np.array([1, 0, 1, 0, 1, 0])
    p = np.array([0.0, 1.0, 0.02, 0.99, 0.5, 0.3])
    for eps in (1e-3, 0.05):
        _loss(learner.log_loss(y, p, eps=eps), _formula(y, p, eps), what=f"log loss with eps={eps}")


def test_list_inputs(learner):
    """Plain Python lists (ints and floats) are accepted."""
    y = [0, 1, 1, 0, 1, 0, 0]
    p = [0.1, 0.8, 0.45, 0.6, 0.99, 0.02, 0.3]
    _loss(learner.log_loss(y, p), _formula(y, p), what="log loss for list inputs")


def test_float32_and_bool_inputs(learner):
    """float32 probabilities (including 1.0 on a negative) and bool labels: computed in float64, finite."""
    y = np.array([False, True, True, False, True])
    p = np.array([1.0, 0.25, 1.0, 0.5, 0.0], dtype=np.float32)
    _loss(learner.log_loss(y, p), _formula(y, p.astype(np.float64)), what="log loss for float32 p", rtol=1e-4)


def test_invalid_input_raises(learner):
    """Empty inputs or inputs of different lengths raise ValueError."""
    _expect_value_error(lambda: learner.log_loss(np.array([], dtype=np.int64), np.array([], dtype=np.float64)),
                        "empty input")
    _expect_value_error(lambda: learner.log_loss(np.array([0, 1, 1]), np.array([0.1, 0.9])),
                        "inputs of different lengths")


def test_inputs_not_modified(learner):
    """The input arrays are left unchanged, even when values get clipped."""
    y = np.array([1, 0, 1, 0])
    p = np.array([0.0, 1.0, 0.7, 0.2])
    _, after = learner.log_loss.call_keep_args(y.copy(), p.copy())
    assert_array(after[0], y, rtol=0, atol=0, what="y_true after the call")
    assert_array(after[1], p, rtol=0, atol=0, what="p after the call")
