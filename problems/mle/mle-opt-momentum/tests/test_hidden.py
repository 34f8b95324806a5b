import numpy as np

from grader.checklib import assert_array, assert_type

GRADS = [np.array([0.5, -1.0]), np.array([0.25, 0.5]), np.array([-1.0, 0.0])]
V_EXP = [np.array([0.5, -1.0]), np.array([0.7, -0.4]), np.array([-0.37, -0.36])]


def _unpack(res, shape):
    assert isinstance(res, tuple) and len(res) == 2, "momentum_step should return a tuple (w_new, v_new)"
    for name, arr in zip(("w_new", "v_new"), res):
        assert_type(arr, np.ndarray, name)
        assert arr.shape == shape, f"{name} has shape {arr.shape}, expected {shape}"
        assert arr.dtype == np.float64, f"{name} has dtype {arr.dtype}, expected float64"
    return res


def _trajectory(learner, nesterov, w_exp):
    w, v = np.array([1.0, -2.0]), np.zeros(2)
    for k, g in enumerate(GRADS):
        if nesterov:
            res = learner.momentum_step(w, g, v, 0.1, 0.9, nesterov=True)
        else:
            res = learner.momentum_step(w, g, v, 0.1, 0.9)
        w, v = _unpack(res, (2,))
        assert_array(w, w_exp[k], what=f"w_new after step {k + 1}")
        assert_array(v, V_EXP[k], what=f"v_new after step {k + 1}")


def test_classical_three_steps(learner):
    """The worked example: three classical steps (lr=0.1, mu=0.9) match the hand-computed values."""
    _trajectory(learner, False, [np.array([0.95, -1.9]), np.array([0.88, -1.86]), np.array([0.917, -1.824])])


def test_nesterov_three_steps(learner):
    """Three Nesterov steps on the same gradients match the hand-computed values."""
    _trajectory(learner, True, [np.array([0.905, -1.81]), np.array([0.817, -1.824]), np.array([0.9503, -1.7916])])


def test_mu_zero_is_sgd(learner):
    """With mu = 0 both modes reduce to plain SGD: w - lr * g, and the new velocity is g."""
    rng = np.random.default_rng(0)
    w, g, v = rng.normal(size=(3, 5))
    for nest in (False, True):
        w_new, v_new = _unpack(learner.momentum_step(w, g, v, 0.3, 0.0, nesterov=nest), (5,))
        assert_array(w_new, w - 0.3 * g, what=f"w_new (mu=0, nesterov={nest})")
        assert_array(v_new, g, what=f"v_new (mu=0, nesterov={nest})")


def test_nonzero_velocity_single_step(learner):
    """A step from a non-zero velocity on 2-D arrays matches the formulas in both modes."""
    rng = np.random.default_rng(1)
    w, g, v = rng.normal(size=(3, 3, 4))
    lr, mu = 0.05, 0.8
    v_exp = mu * v + g
    for nest, w_exp in ((False, w - lr * v_exp), (True, w - lr * (g + mu * v_exp))):
        w_new, v_new = _unpack(learner.momentum_step(w, g, v, lr, mu, nesterov=nest), (3, 4))
        assert_array(w_new, w_exp, what=f"w_new (nesterov={nest})")
        assert_array(v_new, v_exp, what=f"v_new (nesterov={nest})")


def test_default_is_classical(learner):
    """Leaving out nesterov gives the classical update."""
    w, g, v = np.array([0.3, -0.7, 1.1]), np.array([1.0, 2.0, -0.5]), np.array([0.2, -0.1, 0.4])
    w_new, _ = _unpack(learner.momentum_step(w, g, v, 0.5, 0.5), (3,))
    assert_array(w_new, w - 0.5 * (0.5 * v + g), what="w_new with the default nesterov")


def test_quadratic_trajectory(learner, reference):
    """Twenty steps on a quadratic (gradient recomputed at each w) match the reference in both modes."""
    a = np.array([1.0, 10.0, 0.3, 4.0])
    c = np.array([2.0, -1.0, 5.0, 0.5])
    for nest in (False, True):
        w_l = w_r = np.zeros(4)
        v_l = v_r = np.zeros(4)
        for k in range(20):
            w_l, v_l = _unpack(learner.momentum_step(w_l, a * (w_l - c), v_l, 0.05, 0.9, nesterov=nest), (4,))
            w_r, v_r = reference.momentum_step(w_r, a * (w_r - c), v_r, 0.05, 0.9, nesterov=nest)
            assert_array(w_l, w_r, what=f"w after step {k + 1} (nesterov={nest})")
            assert_array(v_l, v_r, what=f"v after step {k + 1} (nesterov={nest})")


def test_inputs_not_modified(learner):
    """w, g and v are left unchanged in both modes."""
    rng = np.random.default_rng(2)
    w, g, v = rng.normal(size=(3, 6))
    for nest in (False, True):
        _, after = learner.momentum_step.call_keep_args(w.copy(), g.copy(), v.copy(), 0.1, 0.9, nest)
        for i, (name, orig) in enumerate(zip("wgv", (w, g, v))):
            assert_array(after[i], orig, rtol=0, atol=0, what=f"your {name} after the call (nesterov={nest})")
