import numpy as np

from grader.checklib import assert_array


def _data(seed, shape, scale=2.0):
    rng = np.random.default_rng(seed)
    d = shape[-1]
    x = rng.normal(size=shape) * scale + rng.normal(scale=3.0, size=shape[:-1] + (1,))
    gamma = rng.uniform(0.5, 2.0, size=d) * rng.choice([-1.0, 1.0], size=d)
    beta = rng.normal(size=d)
    return x, gamma, beta


def test_worked_example(learner, reference):
    """The worked example from the statement (2 rows of 4 features)."""
    x = np.array([[1.0, 2.0, 3.0, 6.0], [-2.0, 0.0, 0.0, 2.0]])
    gamma = np.array([1.0, 1.0, 2.0, 0.5])
    beta = np.array([0.0, 0.0, 1.0, -1.0])
    assert_array(learner.layer_norm(x, gamma, beta), reference.layer_norm(x, gamma, beta))


def test_matches_reference_2d(learner, reference):
    """A (16, 7) batch with random gamma and beta: float64 output of the same shape, correct values."""
    x, gamma, beta = _data(1, (16, 7))
    assert_array(learner.layer_norm(x, gamma, beta), reference.layer_norm(x, gamma, beta))


def test_three_leading_shapes(learner, reference):
    """A 3-D input (batch, time, features) is normalised over its last axis only."""
    x, gamma, beta = _data(2, (3, 5, 6))
    assert_array(learner.layer_norm(x, gamma, beta), reference.layer_norm(x, gamma, beta))


def test_one_dimensional_input(learner, reference):
    """A 1-D input of shape (D,) is a single sample normalised over its D features."""
    x, gamma, beta = _data(3, (9,))
    assert_array(learner.layer_norm(x, gamma, beta), reference.layer_norm(x, gamma, beta))


def test_rows_independent(learner, reference):
    """A row's output does not depend on the other rows: alone, or with other rows changed."""
    x, gamma, beta = _data(4, (6, 5))
    full = learner.layer_norm(x, gamma, beta)
    alone = learner.layer_norm(x[2:3].copy(), gamma, beta)
    assert_array(alone, reference.layer_norm(x[2:3], gamma, beta), what="output for a batch of one row")
    y = x.copy()
    y[[0, 1, 3, 4, 5]] = y[[0, 1, 3, 4, 5]] * 10.0 - 7.0
    changed = learner.layer_norm(y, gamma, beta)
    assert_array(changed[2], full[2], what="row 2 after the other rows changed")


def test_large_offset_features(learner, reference):
    """Features near 1e6 and -3e6 that differ by about 1 are normalised to the tolerance (no E[x^2] - E[x]^2 cancellation)."""
    rng = np.random.default_rng(12)
    x = rng.normal(size=(6, 8)) * np.array([1.0, 0.5, 2.0, 1.0, 1.0, 3.0, 0.1, 1.0])
    x += np.array([1e6, -3e6, 1e6, 2.5e6, -1e6, 1e6])[:, None]
    gamma = rng.uniform(0.5, 2.0, size=8)
    beta = rng.normal(size=8)
    assert_array(learner.layer_norm(x, gamma, beta), reference.layer_norm(x, gamma, beta),
                 what="output for rows with a large common offset")


def test_normalised_mean_zero_std_one(learner):
    """With gamma = 1 and beta = 0 every row has mean ~0 and population std ~1."""
    x, _, _ = _data(5, (10, 32), scale=3.0)
    out = learner.layer_norm(x, np.ones(32), np.zeros(32))
    assert_array(out.mean(axis=-1), np.zeros(10), rtol=0, atol=1e-9, what="row means of the output")
    assert_array(out.std(axis=-1), np.ones(10), rtol=0, atol=1e-5, what="row stds (ddof=0) of the output")


def test_eps_inside_square_root(learner, reference):
    """eps is added to the variance under the square root (small-variance rows, default and eps=0.5)."""
    x, gamma, beta = _data(6, (4, 8), scale=0.01)
    assert_array(learner.layer_norm(x, gamma, beta), reference.layer_norm(x, gamma, beta),
                 what="output with the default eps")
    x2, gamma2, beta2 = _data(7, (4, 8), scale=1.0)
    assert_array(learner.layer_norm(x2, gamma2, beta2, 0.5), reference.layer_norm(x2, gamma2, beta2, 0.5),
                 what="output with eps=0.5")


def test_constant_row_gives_beta(learner):
    """A constant row (and a single feature, D = 1) gives exactly beta, with no RuntimeWarning."""
    x, gamma, beta = _data(8, (3, 5))
    x[1] = 4.25
    out = learner.fn("layer_norm", warnings="error")(x, gamma, beta)
    assert_array(out[1], beta, what="output of the constant row")
    one = learner.fn("layer_norm", warnings="error")(np.array([[3.0], [-1.0]]), np.array([2.0]), np.array([0.5]))
    assert_array(one, np.array([[0.5], [0.5]]), what="output for D = 1")


def test_inputs_not_modified(learner):
    """x, gamma and beta are left unchanged (rule G1)."""
    x, gamma, beta = _data(9, (4, 6))
    _, after = learner.layer_norm.call_keep_args(x, gamma, beta)
    for name, sent, got in zip(("x", "gamma", "beta"), (x, gamma, beta), after):
        assert_array(got, sent, rtol=0, atol=0, what=f"your {name} after the call")
