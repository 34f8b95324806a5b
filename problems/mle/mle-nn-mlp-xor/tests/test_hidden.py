import numpy as np

from grader.checklib import assert_array, assert_scalar, finite_difference

KEYS = ("W1", "b1", "W2", "b2")
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0.0, 1.0, 1.0, 0.0])


def _logits(params, X):
    h = np.tanh(X @ params["W1"] + params["b1"])
    return (h @ params["W2"] + params["b2"])[:, 0]


def _params(seed, d, hidden, scale=1.0):
    rng = np.random.default_rng(seed)
    return {"W1": rng.normal(scale=scale, size=(d, hidden)), "b1": rng.normal(scale=scale, size=hidden),
            "W2": rng.normal(scale=scale, size=(hidden, 1)), "b2": rng.normal(scale=scale, size=1)}


def _data(seed, n, d):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)), (rng.random(n) < 0.5).astype(np.float64)


def _loss_grads(fn, params, X, y):
    res = fn(params, X, y)
    assert type(res) is tuple and len(res) == 2, "mlp_loss_and_grads should return a tuple (loss, grads)"
    loss, grads = res
    assert isinstance(loss, (float, np.floating)), f"loss should be a float, got {type(loss).__name__}"
    assert isinstance(grads, dict) and set(grads) == set(KEYS), \
        "grads should be a dict with exactly the keys 'W1', 'b1', 'W2', 'b2'"
    return float(loss), grads


def _train(learner, X, y, **kw):
    res = learner.train_mlp(X, y, **kw)
    assert type(res) is tuple and len(res) == 2, "train_mlp should return a tuple (params, losses)"
    params, losses = res
    assert isinstance(params, dict) and set(params) == set(KEYS), \
        "the trained params should be a dict with exactly the keys 'W1', 'b1', 'W2', 'b2'"
    assert isinstance(losses, list), f"losses should be a list, got {type(losses).__name__}"
    return params, [float(v) for v in losses]


def _check_fd(learner, reference, params, X, y, tag=""):
    _, grads = _loss_grads(learner.mlp_loss_and_grads, params, X, y)
    for k in KEYS:
        def f(v, k=k):
            return reference.mlp_loss_and_grads({**params, k: v}, X, y)[0]
        assert_array(grads[k], finite_difference(f, params[k]), rtol=1e-5, atol=1e-7,
                     what=f"grads['{k}']{tag} (vs finite differences)")


def test_worked_example(learner, reference):
    """The worked example from the statement: loss and the four gradients."""
    params = {"W1": np.array([[1.0, -1.0], [0.5, 2.0]]), "b1": np.array([0.0, 0.5]),
              "W2": np.array([[1.0], [-1.0]]), "b2": np.array([0.1])}
    X, y = np.array([[0.0, 1.0], [1.0, 1.0]]), np.array([1.0, 0.0])
    loss, grads = _loss_grads(learner.mlp_loss_and_grads, params, X, y)
    eloss, egrads = reference.mlp_loss_and_grads(params, X, y)
    assert_scalar(loss, eloss, what="loss")
    for k in KEYS:
        assert_array(grads[k], egrads[k], what=f"grads['{k}']")


def test_gradients_finite_differences(learner, reference):
    """At random parameters (d=3, H=5, n=10) every gradient matches finite differences of the loss."""
    X, y = _data(1, 10, 3)
    _check_fd(learner, reference, _params(2, 3, 5), X, y)


def test_gradients_single_sample_wide_layer(learner, reference):
    """A single sample (n=1) and a wider hidden layer (H=12, d=4): gradients match finite differences."""
    X, y = _data(3, 1, 4)
    _check_fd(learner, reference, _params(4, 4, 12, scale=0.7), X, y, tag=" (n=1)")


def test_loss_is_mean_bce(learner, reference):
    """The loss is the mean binary cross-entropy (doubling the batch leaves it unchanged)."""
    X, y = _data(5, 16, 2)
    params = _params(6, 2, 3)
    loss, _ = _loss_grads(learner.mlp_loss_and_grads, params, X, y)
    assert_scalar(loss, reference.mlp_loss_and_grads(params, X, y)[0], what="loss")
    loss2, _ = _loss_grads(learner.mlp_loss_and_grads, params, np.vstack([X, X]), np.concatenate([y, y]))
    assert_scalar(loss2, loss, what="loss on the batch repeated twice")


def test_loss_at_saturated_logits(learner, reference):
    """Logits from -25 to 22 (confidently wrong and right samples): the exact loss, p not clipped, and the gradients."""
    X = np.linspace(-1.0, 1.0, 12)[:, None] * np.array([[1.0, -0.5]])
    params = {"W1": np.array([[4.0, -3.0, 6.0], [1.0, 2.0, -2.0]]), "b1": np.array([0.2, -0.1, 0.3]),
              "W2": np.array([[9.0], [-8.0], [7.0]]), "b2": np.array([-1.5])}
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
    z = _logits(params, X)
    assert z.min() < -25 and z.max() < 23 and np.sum((z < -19) & (y == 1.0)) == 3, "test data error"
    loss, grads = _loss_grads(learner.mlp_loss_and_grads, params, X, y)
    eloss, egrads = reference.mlp_loss_and_grads(params, X, y)
    assert_scalar(loss, eloss, what="loss with confidently wrong samples (logits near -25 for label 1)")
    for k in KEYS:
        assert_array(grads[k], egrads[k], what=f"grads['{k}'] at saturated logits")


def test_xor_solved_with_defaults(learner):
    """Training on XOR with the defaults (seed 0) classifies all four points correctly."""
    params, losses = _train(learner, XOR_X, XOR_Y)
    z = _logits(params, XOR_X)
    pred = (z >= 0).astype(np.float64)
    wrong = int(np.sum(pred != XOR_Y))
    assert wrong == 0, f"after training, {wrong} of the 4 XOR points are misclassified"
    assert losses[-1] < losses[0], "the final loss should be below the initial loss"


def test_training_matches_reference(learner, reference):
    """Defaults on XOR: the loss curve and trained parameters match the stated procedure."""
    params, losses = _train(learner, XOR_X, XOR_Y, seed=3)
    eparams, elosses = reference.train_mlp(XOR_X, XOR_Y, seed=3)
    assert len(losses) == 5000, f"losses has {len(losses)} entries, expected 5000 (one per epoch)"
    assert_scalar(losses[0], elosses[0], what="losses[0] (the loss at the initial parameters)")
    assert_array(np.array(losses), np.array(elosses), what="losses")
    for k in KEYS:
        assert_array(params[k], eparams[k], what=f"trained params['{k}']")


def test_hyperparameters_used(learner, reference):
    """hidden=4, lr=0.1, epochs=60, seed=7 on other data: losses and parameters match the reference."""
    X, y = _data(8, 20, 3)
    params, losses = _train(learner, X, y, hidden=4, lr=0.1, epochs=60, seed=7)
    eparams, elosses = reference.train_mlp(X, y, hidden=4, lr=0.1, epochs=60, seed=7)
    assert len(losses) == 60, f"losses has {len(losses)} entries, expected 60"
    assert_array(np.array(losses), np.array(elosses), what="losses")
    for k in KEYS:
        assert params[k].shape == eparams[k].shape, f"params['{k}'] has shape {params[k].shape}, " \
                                                    f"expected {eparams[k].shape}"
        assert_array(params[k], eparams[k], what=f"trained params['{k}']")


def test_same_seed_same_losses(learner):
    """The same seed gives identical losses; a different seed gives different ones."""
    _, a = _train(learner, XOR_X, XOR_Y, epochs=200, seed=11)
    _, b = _train(learner, XOR_X, XOR_Y, epochs=200, seed=11)
    _, c = _train(learner, XOR_X, XOR_Y, epochs=200, seed=12)
    assert a == b, "two runs with the same seed gave different losses"
    assert a != c, "seeds 11 and 12 gave identical losses; the seed should drive the initialisation"


def test_inputs_not_modified(learner):
    """mlp_loss_and_grads leaves params, X and y unchanged; train_mlp leaves X and y unchanged (G1)."""
    X, y = _data(9, 6, 2)
    params = _params(10, 2, 3)
    _, after = learner.mlp_loss_and_grads.call_keep_args({k: v.copy() for k, v in params.items()}, X, y)
    for k in KEYS:
        assert_array(after[0][k], params[k], rtol=0, atol=0, what=f"your params['{k}'] after the call")
    assert_array(after[1], X, rtol=0, atol=0, what="your X after the call")
    _, after = learner.train_mlp.call_keep_args(X, y, 3, 0.5, 20, 0)
    assert_array(after[0], X, rtol=0, atol=0, what="your X after train_mlp")
    assert_array(after[1], y, rtol=0, atol=0, what="your y after train_mlp")
