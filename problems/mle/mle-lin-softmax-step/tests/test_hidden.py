import numpy as np
from scipy.special import softmax as sp_softmax
from sklearn.metrics import log_loss

from grader.checklib import assert_array, assert_scalar, assert_type, finite_difference


def _problem(seed, n, d, K, scale=1.0):
    rng = np.random.default_rng(seed)
    W = scale * rng.normal(size=(d, K))
    b = scale * rng.normal(size=K)
    X = rng.normal(size=(n, d))
    y = rng.integers(0, K, size=n).astype(np.int64)
    return W, b, X, y


def _unpack(res, d, K):
    assert isinstance(res, tuple) and len(res) == 3, "softmax_reg_step should return (W_new, b_new, loss)"
    W_new, b_new, loss = res
    for name, arr, shape in (("W_new", W_new, (d, K)), ("b_new", b_new, (K,))):
        assert_type(arr, np.ndarray, name)
        assert arr.shape == shape, f"{name} has shape {arr.shape}, expected {shape}"
        assert arr.dtype == np.float64, f"{name} has dtype {arr.dtype}, expected float64"
    assert isinstance(loss, (float, np.floating)), f"loss should be a float, got {type(loss).__name__}"
    return W_new, b_new, loss


def test_worked_example(learner):
    """The worked example from the statement (d=2, K=3, n=3, lr=0.5)."""
    X = np.array([[1.0, 2.0], [2.0, 0.0], [0.0, 1.0]])
    y = np.array([0, 2, 1])
    W = np.array([[0.2, -0.1, 0.0], [0.0, 0.3, -0.2]])
    b = np.array([0.1, 0.0, -0.1])
    W_new, b_new, loss = _unpack(learner.softmax_reg_step(W, b, X, y, 0.5), 2, 3)
    assert_array(W_new, np.array([[0.1412942438192, -0.2571487722785, 0.2158545284592],
                                  [0.1508878240914, 0.2438272184647, -0.2947150425561]]), rtol=1e-8, what="W_new")
    assert_array(b_new, np.array([0.06514225141279, -0.02041494666072, -0.04472730475207]), rtol=1e-8, what="b_new")
    assert_scalar(loss, 1.0532656039925663, what="loss")


def test_shapes_and_dtypes(learner):
    """W_new has shape (d, K), b_new shape (K,), both float64, and loss is a number (d=4, K=3, n=7)."""
    W, b, X, y = _problem(0, 7, 4, 3)
    _unpack(learner.softmax_reg_step(W, b, X, y, 0.1), 4, 3)


def test_gradient_W_finite_difference(learner, reference):
    """The step in W equals lr times the finite-difference gradient of the loss (rtol 1e-5)."""
    W, b, X, y = _problem(1, 9, 3, 4)
    W_new, _, _ = _unpack(learner.softmax_reg_step(W, b, X, y, 1.0), 3, 4)
    num = finite_difference(lambda w: reference.softmax_reg_step(w, b, X, y, 0.0)[2], W)
    assert_array(W - W_new, num, rtol=1e-5, atol=1e-8, what="gradient w.r.t. W implied by your step")


def test_gradient_b_finite_difference(learner, reference):
    """The step in b equals lr times the finite-difference gradient of the loss (rtol 1e-5)."""
    W, b, X, y = _problem(2, 8, 2, 5)
    _, b_new, _ = _unpack(learner.softmax_reg_step(W, b, X, y, 0.25), 2, 5)
    num = finite_difference(lambda bb: reference.softmax_reg_step(W, bb, X, y, 0.0)[2], b)
    assert_array((b - b_new) / 0.25, num, rtol=1e-5, atol=1e-8, what="gradient w.r.t. b implied by your step")


def test_loss_is_mean_cross_entropy(learner):
    """The returned loss is the mean cross-entropy at the incoming W, b (sklearn log_loss)."""
    W, b, X, y = _problem(3, 20, 3, 4)
    _, _, loss = _unpack(learner.softmax_reg_step(W, b, X, y, 0.3), 3, 4)
    P = sp_softmax(X @ W + b, axis=1)
    assert_scalar(loss, log_loss(y, P, labels=list(range(4))), what="loss")


def test_loss_decreases_small_lr(learner):
    """Ten successive steps at lr = 0.1: every reported loss is lower than the previous one."""
    W, b, X, y = _problem(4, 30, 3, 3)
    losses = []
    for _ in range(10):
        W, b, loss = _unpack(learner.softmax_reg_step(W, b, X, y, 0.1), 3, 3)
        losses.append(float(loss))
    bad = [k for k in range(1, 10) if not losses[k] < losses[k - 1]]
    assert not bad, f"the loss did not decrease at step {bad[0]}"


def test_classes_absent_from_labels(learner, reference):
    """K comes from W.shape[1]: labels use only classes 0 and 2 of K = 4; matches the reference."""
    W, b, X, _ = _problem(5, 10, 3, 4)
    y = np.array([0, 2, 2, 0, 0, 2, 0, 2, 2, 2], dtype=np.int64)
    got = _unpack(learner.softmax_reg_step(W, b, X, y, 0.5), 3, 4)
    exp = reference.softmax_reg_step(W, b, X, y, 0.5)
    assert_array(got[0], exp[0], what="W_new")
    assert_array(got[1], exp[1], what="b_new")
    assert_scalar(got[2], exp[2], what="loss")


def test_single_sample(learner, reference):
    """A single sample (n = 1) with K = 2 matches the reference."""
    W, b, X, y = _problem(6, 1, 3, 2)
    got = _unpack(learner.softmax_reg_step(W, b, X, y, 0.7), 3, 2)
    exp = reference.softmax_reg_step(W, b, X, y, 0.7)
    assert_array(got[0], exp[0], what="W_new")
    assert_array(got[1], exp[1], what="b_new")
    assert_scalar(got[2], exp[2], what="loss")


def test_large_logits_stable(learner, reference):
    """Logits up to ~900 in magnitude (true class worst) with RuntimeWarnings as errors: finite, correct loss and step."""
    W, b, X, _ = _problem(7, 6, 2, 3, scale=400.0)
    y = np.argmin(X @ W + b, axis=1).astype(np.int64)  # true class far below the top logit
    exp = reference.softmax_reg_step(W, b, X, y, 1e-3)
    assert np.isfinite(exp[2]) and exp[2] > 100, "test data error"
    got = _unpack(learner.fn("softmax_reg_step", warnings="error")(W, b, X, y, 1e-3), 2, 3)
    assert_array(got[0], exp[0], what="W_new")
    assert_array(got[1], exp[1], what="b_new")
    assert_scalar(got[2], exp[2], what="loss")


def test_inputs_not_modified(learner):
    """W, b, X and y are left unchanged."""
    W, b, X, y = _problem(8, 5, 2, 3)
    _, after = learner.softmax_reg_step.call_keep_args(W.copy(), b.copy(), X.copy(), y.copy(), 0.5)
    for i, (name, orig) in enumerate(zip(("W", "b", "X", "y"), (W, b, X, y))):
        assert_array(after[i], orig, rtol=0, atol=0, what=f"your {name} after the call")
