import numpy as np
import pytest

from grader.checklib import assert_array


def _state(seed, shape, scale=1.0):
    rng = np.random.default_rng(seed)
    w = rng.normal(size=shape)
    g = scale * rng.normal(size=shape)
    m = 0.1 * scale * rng.normal(size=shape)
    v = (scale * rng.uniform(0.1, 1.0, size=shape)) ** 2
    return w, g, m, v


def test_worked_example(learner):
    """The two-step worked example from the statement, returned as (new_w, new_m, new_v)."""
    w0 = np.array([1.0, -2.0, 0.5])
    z = np.zeros(3)
    res = learner.adam_step(w0, np.array([0.2, -0.5, 0.0]), z, z, 1, lr=0.1)
    assert isinstance(res, tuple) and len(res) == 3, "adam_step should return a tuple (new_w, new_m, new_v)"
    w1, m1, v1 = res
    assert_array(w1, np.array([0.900000005, -1.900000002, 0.5]), rtol=1e-8, what="new_w after step 1")
    w2, m2, v2 = learner.adam_step(w1, np.array([0.1, -0.5, 0.3]), m1, v1, 2, lr=0.1)
    assert_array(w2, np.array([0.8067820541, -1.8000000040, 0.4255863177]), rtol=1e-8, what="new_w after step 2")
    assert_array(m2, np.array([0.028, -0.095, 0.03]), what="new_m after step 2")
    assert_array(v2, np.array([4.996e-05, 4.9975e-04, 9.0e-05]), what="new_v after step 2")


def test_first_step_moves_by_lr_times_sign(learner):
    """From zero moments, step t=1 moves each coordinate by about lr * sign(g) against the gradient."""
    rng = np.random.default_rng(0)
    g = rng.choice([-1.0, 1.0], size=20) * 10 ** rng.uniform(-2, 1, size=20)
    w = rng.normal(size=20)
    z = np.zeros(20)
    new_w, _, _ = learner.adam_step(w, g, z, z, 1)
    assert_array(new_w - w, -1e-3 * np.sign(g), rtol=1e-4, atol=0, what="first-step displacement")


def test_zero_gradient_coordinates_do_not_move(learner):
    """With zero moments and a zero gradient entry, that coordinate stays put (no warnings)."""
    w = np.array([0.3, -1.2, 2.0, 0.0])
    g = np.array([0.0, 0.7, 0.0, -0.2])
    z = np.zeros(4)
    new_w, new_m, new_v = learner.fn("adam_step", warnings="error")(w, g, z, z, 1)
    assert_array(new_w[[0, 2]], w[[0, 2]], rtol=0, atol=0, what="new_w where g = 0")
    assert_array(new_w[[1, 3]], w[[1, 3]] - 1e-3 * np.sign(g[[1, 3]]), rtol=1e-6, what="new_w where g != 0")


def test_five_step_trajectory(learner, reference):
    """Five steps on a quadratic (t = 1..5, moments carried over) match the reference to rtol 1e-7."""
    a = np.array([1.0, 4.0, 0.5, 2.0])
    c = np.array([1.0, -2.0, 3.0, 0.5])
    w_l = w_r = np.array([0.0, 0.0, 0.0, 0.0])
    m_l = v_l = m_r = v_r = np.zeros(4)
    for t in range(1, 6):
        w_l, m_l, v_l = learner.adam_step(w_l, a * (w_l - c), m_l, v_l, t, lr=0.05)
        w_r, m_r, v_r = reference.adam_step(w_r, a * (w_r - c), m_r, v_r, t, lr=0.05)
        assert_array(w_l, w_r, rtol=1e-7, atol=1e-12, what=f"w after step {t}")
        assert_array(m_l, m_r, rtol=1e-7, atol=1e-12, what=f"m after step {t}")
        assert_array(v_l, v_r, rtol=1e-7, atol=1e-12, what=f"v after step {t}")


def test_small_gradients_eps_outside_sqrt(learner, reference):
    """With tiny gradients (1e-5 to 1e-4), eps is added after the square root, not inside it."""
    rng = np.random.default_rng(1)
    g = rng.choice([-1.0, 1.0], size=8) * 10 ** rng.uniform(-5, -4, size=8)
    w = rng.normal(size=8)
    z = np.zeros(8)
    new_w, _, _ = learner.adam_step(w, g, z, z, 1)
    exp_w, _, _ = reference.adam_step(w, g, z, z, 1)
    assert_array(new_w - w, exp_w - w, rtol=1e-7, atol=1e-15, what="step with tiny gradients")


def test_custom_hyperparameters(learner, reference):
    """lr, b1, b2 and eps passed as keywords are all used (t = 3, non-zero moments)."""
    w, g, m, v = _state(2, 6)
    kw = dict(lr=0.1, b1=0.5, b2=0.75, eps=1e-3)
    got = learner.adam_step(w, g, m, v, 3, **kw)
    exp = reference.adam_step(w, g, m, v, 3, **kw)
    for name, a, e in zip(("new_w", "new_m", "new_v"), got, exp):
        assert_array(a, e, rtol=1e-7, atol=1e-12, what=name)


def test_late_steps_bias_correction(learner, reference):
    """Bias correction uses the given t at later steps (t = 50 and t = 2000)."""
    w, g, m, v = _state(3, 5, scale=0.3)
    for t in (50, 2000):
        got = learner.adam_step(w, g, m, v, t)
        exp = reference.adam_step(w, g, m, v, t)
        for name, a, e in zip(("new_w", "new_m", "new_v"), got, exp):
            assert_array(a, e, rtol=1e-7, atol=1e-12, what=f"{name} at t={t}")


def test_matrix_parameters(learner, reference):
    """2-D parameter arrays give float64 results of the same shape."""
    w, g, m, v = _state(4, (3, 4))
    got = learner.adam_step(w, g, m, v, 7, lr=0.01)
    exp = reference.adam_step(w, g, m, v, 7, lr=0.01)
    for name, a, e in zip(("new_w", "new_m", "new_v"), got, exp):
        assert_array(a, e, rtol=1e-7, atol=1e-12, what=name)


def test_t_below_one_raises(learner):
    """t = 0 (and negative t) raises ValueError: t counts from 1."""
    w, g, m, v = _state(5, 3)
    with pytest.raises(ValueError):
        learner.adam_step(w, g, m, v, 0)
    with pytest.raises(ValueError):
        learner.adam_step(w, g, m, v, -2)


def test_inputs_not_modified(learner):
    """w, g, m and v are left unchanged."""
    w, g, m, v = _state(6, 5)
    _, after = learner.adam_step.call_keep_args(w.copy(), g.copy(), m.copy(), v.copy(), 4)
    for i, (name, orig) in enumerate(zip("wgmv", (w, g, m, v))):
        assert_array(after[i], orig, rtol=0, atol=0, what=f"your {name} after the call")
