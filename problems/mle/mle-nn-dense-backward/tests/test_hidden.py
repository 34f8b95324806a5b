import numpy as np

from grader.checklib import assert_array, finite_difference


def _forward(x, W, b):
    return x @ W + b


def _data(seed, n, d, m):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m),
            rng.normal(size=(n, m)))


def _call(fn, x, W, dout):
    res = fn(x, W, dout)
    assert type(res) is tuple and len(res) == 3, "dense_backward should return a tuple (dx, dW, db)"
    return res


def _fd(x, W, b, dout):
    """Central finite differences of L = sum((x @ W + b) * dout) for x, W and b."""
    fdx = finite_difference(lambda v: float(np.sum(_forward(v, W, b) * dout)), x)
    fdW = finite_difference(lambda v: float(np.sum(_forward(x, v, b) * dout)), W)
    fdb = finite_difference(lambda v: float(np.sum(_forward(x, W, v) * dout)), b)
    return fdx, fdW, fdb


def _check_fd(learner, x, W, b, dout, tag=""):
    dx, dW, db = _call(learner.dense_backward, x, W, dout)
    fdx, fdW, fdb = _fd(x, W, b, dout)
    assert_array(dx, fdx, rtol=1e-6, atol=1e-7, what=f"dx{tag} (vs finite differences)")
    assert_array(dW, fdW, rtol=1e-6, atol=1e-7, what=f"dW{tag} (vs finite differences)")
    assert_array(db, fdb, rtol=1e-6, atol=1e-7, what=f"db{tag} (vs finite differences)")


def test_worked_example(learner, reference):
    """The worked example from the statement (N=2, D=3, M=2)."""
    x = np.array([[1.0, 2.0, 0.0], [-1.0, 0.5, 3.0]])
    W = np.array([[0.5, -1.0], [2.0, 0.0], [1.0, 1.0]])
    dout = np.array([[1.0, -2.0], [0.5, 1.0]])
    got = _call(learner.dense_backward, x, W, dout)
    for name, g, e in zip(("dx", "dW", "db"), got, reference.dense_backward(x, W, dout)):
        assert_array(g, e, what=name)


def test_shapes_and_dtypes(learner):
    """dx, dW, db are float64 arrays of shapes (N, D), (D, M), (M,) with N, D, M all different."""
    x, W, _, dout = _data(1, 5, 3, 4)
    dx, dW, db = _call(learner.dense_backward, x, W, dout)
    for name, g, shape in (("dx", dx, (5, 3)), ("dW", dW, (3, 4)), ("db", db, (4,))):
        assert type(g) is np.ndarray, f"{name} should be a numpy array, got {type(g).__name__}"
        assert g.shape == shape, f"{name} has shape {g.shape}, expected {shape}"
        assert g.dtype == np.float64, f"{name} has dtype {g.dtype}, expected float64"


def test_finite_differences_rectangular(learner):
    """dx, dW and db match finite differences of sum((x @ W + b) * dout) for N=6, D=4, M=3."""
    x, W, b, dout = _data(2, 6, 4, 3)
    _check_fd(learner, x, W, b, dout)


def test_finite_differences_square(learner):
    """With N = D = M = 4 (all shapes square) the gradients still match finite differences."""
    x, W, b, dout = _data(3, 4, 4, 4)
    _check_fd(learner, x, W, b, dout)


def test_single_sample(learner):
    """A batch of N = 1: gradients match finite differences and db equals dout[0]."""
    x, W, b, dout = _data(4, 1, 5, 2)
    _check_fd(learner, x, W, b, dout)
    _, _, db = _call(learner.dense_backward, x, W, dout)
    assert_array(db, dout[0], what="db for N = 1")


def test_db_is_sum_over_batch(learner):
    """db is the sum of dout over the batch (a large batch N=50 with dout = 1 gives db = 50)."""
    x, W, _, _ = _data(5, 50, 2, 3)
    _, _, db = _call(learner.dense_backward, x, W, np.ones((50, 3)))
    assert_array(db, np.full(3, 50.0), what="db")


def test_dW_scales_with_batch(learner, reference):
    """dW is summed (not averaged) over the batch: stacking the batch twice doubles dW."""
    x, W, _, dout = _data(6, 7, 3, 2)
    _, dW1, _ = _call(learner.dense_backward, x, W, dout)
    _, dW2, _ = _call(learner.dense_backward, np.vstack([x, x]), W, np.vstack([dout, dout]))
    assert_array(dW1, reference.dense_backward(x, W, dout)[1], what="dW")
    assert_array(dW2, 2 * dW1, what="dW of the doubled batch")


def test_inputs_not_modified(learner):
    """x, W and dout are left unchanged."""
    x, W, _, dout = _data(7, 4, 3, 2)
    _, after = learner.dense_backward.call_keep_args(x, W, dout)
    for name, sent, got in zip(("x", "W", "dout"), (x, W, dout), after):
        assert_array(got, sent, rtol=0, atol=0, what=f"your {name} after the call")
