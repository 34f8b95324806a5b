import numpy as np
import pytest

from grader.checklib import assert_array

TOL = dict(rtol=1e-7, atol=1e-12)


def _state(seed, shape, scale=1.0):
    rng = np.random.default_rng(seed)
    w = rng.normal(size=shape)
    g = scale * rng.normal(size=shape)
    m = 0.1 * scale * rng.normal(size=shape)
    v = (scale * rng.uniform(0.1, 1.0, size=shape)) ** 2
    return w, g, m, v


def _adam(w, g, m, v, t, lr, b1=0.9, b2=0.999, eps=1e-8):
    nm = b1 * m + (1 - b1) * g
    nv = b2 * v + (1 - b2) * g * g
    return w - lr * (nm / (1 - b1 ** t)) / (np.sqrt(nv / (1 - b2 ** t)) + eps), nm, nv


def _unpack(res, shape):
    assert isinstance(res, tuple) and len(res) == 3, "adamw_step should return a tuple (new_w, new_m, new_v)"
    return res


def test_worked_example(learner):
    """The two-step worked example from the statement (lr=0.1, wd=0.01)."""
    w0 = np.array([1.0, -2.0, 0.5])
    z = np.zeros(3)
    w1, m1, v1 = _unpack(learner.adamw_step(w0, np.array([0.2, -0.5, 0.0]), z, z, 1, lr=0.1, wd=0.01), (3,))
    assert_array(w1, np.array([0.899000005, -1.898000002, 0.4995]), rtol=1e-8, what="new_w after step 1")
    w2, m2, v2 = _unpack(learner.adamw_step(w1, np.array([0.1, -0.5, 0.3]), m1, v1, 2, lr=0.1, wd=0.01), (3,))
    assert_array(w2, np.array([0.804883047, -1.796102004, 0.4245868212]), rtol=1e-8, what="new_w after step 2")
    assert_array(m2, np.array([0.028, -0.095, 0.03]), what="new_m after step 2")
    assert_array(v2, np.array([4.996e-05, 4.9975e-04, 9.0e-05]), what="new_v after step 2")


def test_zero_gradient_pure_decay(learner):
    """Zero gradient and zero moments: w shrinks by exactly the factor (1 - lr * wd), moments stay 0."""
    w = np.array([[0.5, -3.0, 2.0], [10.0, -0.25, 0.0]])
    z = np.zeros((2, 3))
    new_w, new_m, new_v = _unpack(learner.fn("adamw_step", warnings="error")(w, z, z, z, 1, lr=0.01, wd=0.2), (2, 3))
    assert_array(new_w, w * (1 - 0.01 * 0.2), rtol=1e-12, atol=1e-15, what="new_w with a zero gradient")
    assert_array(new_m, z, what="new_m with a zero gradient")
    assert_array(new_v, z, what="new_v with a zero gradient")


def test_wd_zero_equals_adam(learner):
    """With wd = 0 the step equals a plain Adam step (bias-corrected, eps after the square root)."""
    w, g, m, v = _state(0, 7)
    got = _unpack(learner.adamw_step(w, g, m, v, 4, lr=0.05, wd=0.0), (7,))
    for name, a, e in zip(("new_w", "new_m", "new_v"), got, _adam(w, g, m, v, 4, 0.05)):
        assert_array(a, e, what=f"{name} with wd=0", **TOL)


def test_decay_is_decoupled_from_moments(learner):
    """Weight decay does not enter the moments: new_m and new_v are the same for wd = 0 and wd = 0.5."""
    w, g, m, v = _state(1, 6)
    _, m0, v0 = _unpack(learner.adamw_step(w, g, m, v, 3, lr=0.01, wd=0.0), (6,))
    w5, m5, v5 = _unpack(learner.adamw_step(w, g, m, v, 3, lr=0.01, wd=0.5), (6,))
    assert_array(m5, m0, what="new_m with wd=0.5", **TOL)
    assert_array(v5, v0, what="new_v with wd=0.5", **TOL)
    w_adam, _, _ = _adam(w, g, m, v, 3, 0.01)
    assert_array(w5, w_adam - 0.01 * 0.5 * w, what="new_w with wd=0.5", **TOL)


def test_decay_uses_weights_before_step(learner, reference):
    """The decay term is lr * wd * w with w before the update (large lr and wd make the order visible)."""
    w, g, m, v = _state(2, 5)
    got = _unpack(learner.adamw_step(w, g, m, v, 2, lr=0.5, wd=0.3), (5,))
    exp = reference.adamw_step(w, g, m, v, 2, lr=0.5, wd=0.3)
    for name, a, e in zip(("new_w", "new_m", "new_v"), got, exp):
        assert_array(a, e, what=name, **TOL)


def test_trajectory_matches_reference(learner, reference):
    """Ten steps on a quadratic (t = 1..10, state carried over) match the reference to rtol 1e-7."""
    a = np.array([1.0, 4.0, 0.5, 2.0])
    c = np.array([1.0, -2.0, 3.0, 0.5])
    w_l = w_r = np.array([0.5, 0.5, -0.5, 2.0])
    m_l = v_l = m_r = v_r = np.zeros(4)
    for t in range(1, 11):
        w_l, m_l, v_l = _unpack(learner.adamw_step(w_l, a * (w_l - c), m_l, v_l, t, lr=0.05, wd=0.1), (4,))
        w_r, m_r, v_r = reference.adamw_step(w_r, a * (w_r - c), m_r, v_r, t, lr=0.05, wd=0.1)
        assert_array(w_l, w_r, what=f"w after step {t}", **TOL)
        assert_array(m_l, m_r, what=f"m after step {t}", **TOL)
        assert_array(v_l, v_r, what=f"v after step {t}", **TOL)


def test_custom_hyperparameters_matrix(learner, reference):
    """b1, b2 and eps passed as keywords are used; 2-D arrays keep their shape and float64 dtype."""
    w, g, m, v = _state(3, (3, 4), scale=0.2)
    kw = dict(lr=0.02, wd=0.05, b1=0.5, b2=0.75, eps=1e-3)
    got = _unpack(learner.adamw_step(w, g, m, v, 6, **kw), (3, 4))
    exp = reference.adamw_step(w, g, m, v, 6, **kw)
    for name, a, e in zip(("new_w", "new_m", "new_v"), got, exp):
        assert_array(a, e, what=name, **TOL)


def test_t_below_one_raises(learner):
    """t = 0 raises ValueError: t counts from 1."""
    w, g, m, v = _state(4, 3)
    with pytest.raises(ValueError):
        learner.adamw_step(w, g, m, v, 0, lr=0.1, wd=0.01)


def test_inputs_not_modified(learner):
    """w, g, m and v are left unchanged."""
    w, g, m, v = _state(5, 5)
    _, after = learner.adamw_step.call_keep_args(w.copy(), g.copy(), m.copy(), v.copy(), 3, 0.1, 0.01)
    for i, (name, orig) in enumerate(zip("wgmv", (w, g, m, v))):
        assert_array(after[i], orig, rtol=0, atol=0, what=f"your {name} after the call")
