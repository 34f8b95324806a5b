import numpy as np

from grader.checklib import assert_array, finite_difference


def _data(seed, n, d, scale=2.0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, d)) * scale + rng.normal(scale=3.0, size=d)
    gamma = rng.uniform(0.5, 2.0, size=d) * rng.choice([-1.0, 1.0], size=d)
    beta = rng.normal(size=d)
    dout = rng.normal(size=(n, d))
    return x, gamma, beta, dout


def _forward(fn, *args, **kw):
    res = fn(*args, **kw)
    assert type(res) is tuple and len(res) == 2, "bn_forward should return a tuple (out, cache)"
    return res


def _backward(fn, dout, cache):
    res = fn(dout, cache)
    assert type(res) is tuple and len(res) == 3, "bn_backward should return a tuple (dx, dgamma, dbeta)"
    return res


def _fd_dx(reference, x, gamma, beta, dout, eps=1e-5):
    return finite_difference(lambda xx: float(np.sum(reference.bn_forward(xx, gamma, beta, eps)[0] * dout)), x)


def _check_all(learner, reference, x, gamma, beta, dout, eps=1e-5, warnings=None, atol_dx=1e-8):
    fwd = learner.fn("bn_forward", warnings=warnings) if warnings else learner.bn_forward
    bwd = learner.fn("bn_backward", warnings=warnings) if warnings else learner.bn_backward
    out, cache = _forward(fwd, x, gamma, beta, eps)
    ref_out, ref_cache = reference.bn_forward(x, gamma, beta, eps)
    assert_array(out, ref_out, what="out")
    dx, dgamma, dbeta = _backward(bwd, dout, cache)
    _, ref_dgamma, ref_dbeta = reference.bn_backward(dout, ref_cache)
    assert_array(dx, _fd_dx(reference, x, gamma, beta, dout, eps), rtol=1e-5, atol=atol_dx,
                 what="dx (vs finite differences)")
    assert_array(dgamma, ref_dgamma, what="dgamma")
    assert_array(dbeta, ref_dbeta, what="dbeta")


def test_worked_example(learner, reference):
    """The worked example from the statement: out, then dx, dgamma, dbeta from your own cache."""
    x = np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 4.0]])
    gamma = np.array([1.0, 2.0])
    beta = np.array([0.0, -1.0])
    dout = np.array([[1.0, 0.0], [2.0, 1.0], [0.0, -1.0]])
    _check_all(learner, reference, x, gamma, beta, dout)


def test_normalised_output_mean_zero_std_one(learner):
    """With gamma = 1 and beta = 0 every output column has mean ~0 and (population) std ~1."""
    x, _, _, _ = _data(1, 64, 6, scale=3.0)
    out, _ = _forward(learner.bn_forward, x, np.ones(6), np.zeros(6))
    assert_array(out.mean(axis=0), np.zeros(6), rtol=0, atol=1e-9, what="per-feature mean of out")
    assert_array(out.std(axis=0), np.ones(6), rtol=0, atol=1e-4, what="per-feature std (ddof=0) of out")


def test_forward_matches_reference(learner, reference):
    """Forward output with random gamma and beta: shape (N, D), float64, correct values."""
    x, gamma, beta, _ = _data(2, 20, 7)
    out, _ = _forward(learner.bn_forward, x, gamma, beta)
    assert_array(out, reference.bn_forward(x, gamma, beta)[0], what="out")


def test_dx_matches_finite_differences(learner, reference):
    """dx from your cache matches finite differences of sum(out * dout) (rtol 1e-5)."""
    x, gamma, beta, dout = _data(3, 8, 5)
    _, cache = _forward(learner.bn_forward, x, gamma, beta)
    dx, _, _ = _backward(learner.bn_backward, dout, cache)
    assert_array(dx, _fd_dx(reference, x, gamma, beta, dout), rtol=1e-5, atol=1e-8, what="dx (vs finite differences)")


def test_dgamma_dbeta(learner, reference):
    """dgamma and dbeta have shape (D,) and the correct values."""
    x, gamma, beta, dout = _data(4, 12, 4)
    _, cache = _forward(learner.bn_forward, x, gamma, beta)
    _, dgamma, dbeta = _backward(learner.bn_backward, dout, cache)
    _, ref_dgamma, ref_dbeta = reference.bn_backward(dout, reference.bn_forward(x, gamma, beta)[1])
    assert_array(dgamma, ref_dgamma, what="dgamma")
    assert_array(dbeta, ref_dbeta, what="dbeta")


def test_dx_columns_sum_to_zero(learner):
    """Each column of dx sums to ~0 (the output does not change if a feature is shifted)."""
    x, gamma, beta, dout = _data(5, 30, 6)
    _, cache = _forward(learner.bn_forward, x, gamma, beta)
    dx, _, _ = _backward(learner.bn_backward, dout, cache)
    assert_array(dx.sum(axis=0), np.zeros(6), rtol=0, atol=1e-9, what="column sums of dx")


def test_batch_of_two(learner, reference):
    """A batch of N = 2, with well-separated and with nearly equal rows: forward and backward."""
    x, gamma, beta, dout = _data(6, 2, 3, scale=1.0)
    _check_all(learner, reference, x, gamma, beta, dout)
    x_close = np.array([[0.5, -1.0, 2.0], [0.501, -1.002, 2.0005]])
    _check_all(learner, reference, x_close, gamma, beta, dout)


def test_eps_argument_is_used(learner, reference):
    """A large eps = 0.1 is used both in the forward pass and in the backward pass."""
    x, gamma, beta, dout = _data(7, 10, 4, scale=0.3)
    _check_all(learner, reference, x, gamma, beta, dout, eps=0.1)


def test_constant_feature(learner, reference):
    """A constant column gives out = beta for it and finite gradients, with no RuntimeWarning."""
    x, gamma, beta, dout = _data(8, 9, 3)
    x[:, 1] = 4.25
    _check_all(learner, reference, x, gamma, beta, dout, warnings="error")
    out, _ = _forward(learner.bn_forward, x, gamma, beta)
    assert_array(out[:, 1], np.full(9, beta[1]), what="out of the constant column")


def test_large_offset_columns(learner, reference):
    """Columns near +-1e6 and 3e6 that differ by about 1: out, dx, dgamma, dbeta to the tolerance (no E[x^2] - E[x]^2)."""
    rng = np.random.default_rng(13)
    x = rng.normal(size=(16, 5)) * np.array([1.0, 0.5, 2.0, 1.0, 0.2]) + np.array([1e6, -1e6, 3e6, 1e6, -2e6])
    gamma = rng.uniform(0.5, 2.0, size=5)
    beta = rng.normal(size=5)
    dout = rng.normal(size=(16, 5))
    out, cache = _forward(learner.bn_forward, x, gamma, beta)
    ref_out, ref_cache = reference.bn_forward(x, gamma, beta)
    assert_array(out, ref_out, what="out for columns with a large offset")
    dx, dgamma, dbeta = _backward(learner.bn_backward, dout, cache)
    ref_dx, ref_dgamma, ref_dbeta = reference.bn_backward(dout, ref_cache)
    assert_array(dx, ref_dx, what="dx for columns with a large offset (vs the exact gradient)")
    assert_array(dgamma, ref_dgamma, what="dgamma for columns with a large offset")
    assert_array(dbeta, ref_dbeta, what="dbeta for columns with a large offset")


def test_inputs_not_modified(learner):
    """x, gamma, beta and dout are left unchanged (rule G1)."""
    x, gamma, beta, dout = _data(9, 6, 3)
    (out, cache), after = learner.bn_forward.call_keep_args(x, gamma, beta)
    for name, sent, got in zip(("x", "gamma", "beta"), (x, gamma, beta), after):
        assert_array(got, sent, rtol=0, atol=0, what=f"your {name} after bn_forward")
    _, after_b = learner.bn_backward.call_keep_args(dout, cache)
    assert_array(after_b[0], dout, rtol=0, atol=0, what="your dout after bn_backward")
