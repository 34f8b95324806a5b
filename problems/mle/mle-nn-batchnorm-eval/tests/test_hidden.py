import numpy as np
import pytest

from grader.checklib import assert_array, assert_raises


def _batches(seed, k, n, d):
    rng = np.random.default_rng(seed)
    return [rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d) + rng.normal(scale=2.0, size=d)
            for _ in range(k)]


def _normalise(x, mean, var, eps=1e-5, gamma=1.0, beta=0.0):
    return gamma * (x - mean) / np.sqrt(var + eps) + beta


def _closed_form(batches, m=0.1):
    """Running mean and variance after len(batches) training steps, written as explicit weighted sums."""
    k = len(batches)
    d = batches[0].shape[1]
    rm = np.zeros(d)
    rv = (1 - m) ** k * np.ones(d)
    for t, b in enumerate(batches, start=1):
        w = m * (1 - m) ** (k - t)
        rm = rm + w * b.mean(axis=0)
        rv = rv + w * b.var(axis=0, ddof=1)
    return rm, rv


def _forward(bn, x, training):
    out = bn.call_method("forward", x, training)
    assert type(out) is np.ndarray, f"forward should return a numpy array, got {type(out).__name__}"
    return out


def _train(bn, batches):
    for b in batches:
        _forward(bn, b, True)


def test_initial_state(learner):
    """A new layer has running_mean = 0, running_var = 1, gamma = 1, beta = 0 (float64, shape (D,))."""
    bn = learner.BatchNorm1d(4)
    for name, value in (("running_mean", 0.0), ("running_var", 1.0), ("gamma", 1.0), ("beta", 0.0)):
        assert_array(getattr(bn, name), np.full(4, value), what=name)


def test_worked_example(learner):
    """The worked example from the statement: one training step, then an eval call on one row."""
    bn = learner.BatchNorm1d(2)
    x = np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 4.0]])
    out = _forward(bn, x, True)
    assert_array(out, _normalise(x, x.mean(axis=0), x.var(axis=0)), what="training output")
    assert_array(bn.running_mean, np.array([0.3, 0.4]), what="running_mean")
    assert_array(bn.running_var, np.array([1.3, 1.3]), what="running_var")
    row = np.array([[3.0, 4.0]])
    assert_array(_forward(bn, row, False), _normalise(row, np.array([0.3, 0.4]), np.array([1.3, 1.3])),
                 what="eval output")


def test_training_uses_batch_statistics(learner):
    """Training output is normalised with the batch mean and biased batch variance, whatever the running stats."""
    bn = learner.BatchNorm1d(5)
    batches = _batches(1, 4, 16, 5)
    _train(bn, batches[:3])
    x = batches[3]
    out = _forward(bn, x, True)
    assert_array(out, _normalise(x, x.mean(axis=0), x.var(axis=0)), what="training output")
    assert_array(out.mean(axis=0), np.zeros(5), rtol=0, atol=1e-9, what="per-feature mean of the output")


def test_running_stats_one_step(learner):
    """After one step: running_mean = 0.1 * batch mean, running_var = 0.9 + 0.1 * unbiased batch variance."""
    bn = learner.BatchNorm1d(3)
    x = _batches(2, 1, 6, 3)[0]
    _forward(bn, x, True)
    assert_array(bn.running_mean, 0.1 * x.mean(axis=0), what="running_mean after one step")
    assert_array(bn.running_var, 0.9 + 0.1 * x.var(axis=0, ddof=1), what="running_var after one step")


def test_running_stats_closed_form_after_k_steps(learner):
    """After 7 steps on different batches the running stats equal the closed-form weighted sums."""
    bn = learner.BatchNorm1d(4)
    batches = _batches(3, 7, 10, 4)
    _train(bn, batches)
    rm, rv = _closed_form(batches)
    assert_array(bn.running_mean, rm, what="running_mean after 7 steps")
    assert_array(bn.running_var, rv, what="running_var after 7 steps")


def test_eval_uses_running_statistics(learner):
    """In eval mode the output uses running_mean and running_var (after 5 training steps)."""
    bn = learner.BatchNorm1d(3)
    batches = _batches(4, 5, 12, 3)
    _train(bn, batches)
    rm, rv = _closed_form(batches)
    x = _batches(5, 1, 8, 3)[0]
    assert_array(_forward(bn, x, False), _normalise(x, rm, rv), what="eval output")


def test_eval_rows_independent_and_state_unchanged(learner):
    """In eval a row's output does not depend on the other rows (single rows work) and running stats stay put."""
    bn = learner.BatchNorm1d(3)
    _train(bn, _batches(6, 3, 9, 3))
    rm, rv = bn.running_mean, bn.running_var
    x = _batches(7, 1, 5, 3)[0]
    full = _forward(bn, x, False)
    for i in (0, 3):
        assert_array(_forward(bn, x[i:i + 1].copy(), False), full[i:i + 1], what=f"eval output of row {i} alone")
    _forward(bn, x * 10.0 + 5.0, False)
    assert_array(bn.running_mean, rm, what="running_mean after eval calls")
    assert_array(bn.running_var, rv, what="running_var after eval calls")


def test_eval_before_training(learner):
    """Eval on a fresh layer uses mean 0 and variance 1: out = x / sqrt(1 + eps)."""
    bn = learner.BatchNorm1d(2)
    x = np.array([[2.0, -1.0], [0.5, 4.0]])
    assert_array(_forward(bn, x, False), x / np.sqrt(1.0 + 1e-5), what="eval output of a fresh layer")


def test_constructor_eps_and_momentum(learner):
    """BatchNorm1d(3, eps=0.5, momentum=0.25) uses both values in training, running stats and eval."""
    bn = learner.BatchNorm1d(3, eps=0.5, momentum=0.25)
    batches = _batches(8, 3, 7, 3)
    out = _forward(bn, batches[0], True)
    assert_array(out, _normalise(batches[0], batches[0].mean(axis=0), batches[0].var(axis=0), eps=0.5),
                 what="training output with eps=0.5")
    _train(bn, batches[1:])
    rm, rv = _closed_form(batches, m=0.25)
    assert_array(bn.running_mean, rm, what="running_mean with momentum=0.25")
    assert_array(bn.running_var, rv, what="running_var with momentum=0.25")
    x = _batches(9, 1, 4, 3)[0]
    assert_array(_forward(bn, x, False), _normalise(x, rm, rv, eps=0.5), what="eval output with eps=0.5")


def test_gamma_beta_applied(learner):
    """After gamma and beta are replaced, both modes return gamma * xhat + beta."""
    bn = learner.BatchNorm1d(3)
    gamma, beta = np.array([2.0, -0.5, 1.5]), np.array([1.0, 0.0, -3.0])
    learner.invoke("builtins.setattr", bn, "gamma", gamma)
    learner.invoke("builtins.setattr", bn, "beta", beta)
    x = _batches(10, 1, 6, 3)[0]
    out = _forward(bn, x, True)
    assert_array(out, _normalise(x, x.mean(axis=0), x.var(axis=0), gamma=gamma, beta=beta), what="training output")
    rm, rv = _closed_form([x])
    assert_array(_forward(bn, x, False), _normalise(x, rm, rv, gamma=gamma, beta=beta), what="eval output")


def test_invalid_inputs_raise(learner):
    """Training on a single row, or x with the wrong number of features, raises ValueError."""
    bn = learner.BatchNorm1d(3)
    with pytest.raises(ValueError):
        bn.call_method("forward", np.array([[1.0, 2.0, 3.0]]), True)
    with pytest.raises(ValueError):
        bn.call_method("forward", np.ones((4, 2)), True)


def test_broadcastable_shapes_raise(learner):
    """x that NumPy would broadcast against D=3 features (one column, or 1-D of length 3) raises ValueError in both modes."""
    bn = learner.BatchNorm1d(3)
    one_col = np.array([[0.3], [1.7], [-0.9], [2.2]])
    flat = np.array([0.3, 1.7, -0.9])
    for training in (True, False):
        with assert_raises(ValueError, f"forward(x of shape (4, 1), {training}) on 3 features"):
            bn.call_method("forward", one_col, training)
        with assert_raises(ValueError, f"forward(x of shape (3,), {training}) on 3 features"):
            bn.call_method("forward", flat, training)
    wide = learner.BatchNorm1d(1)
    with assert_raises(ValueError, "forward(x of shape (4, 3), False) on 1 feature"):
        wide.call_method("forward", np.ones((4, 3)), False)


def test_input_not_modified(learner):
    """x is left unchanged by forward in both modes (rule G1)."""
    bn = learner.BatchNorm1d(3)
    x = _batches(11, 1, 5, 3)[0]
    for training in (True, False):
        _, after = bn.call_method_keep_args("forward", x, training)
        assert_array(after[0], x, rtol=0, atol=0, what=f"your x after forward(x, {training})")
