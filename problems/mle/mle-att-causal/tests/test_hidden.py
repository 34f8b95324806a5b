import numpy as np

from grader.checklib import assert_array


def _data(seed, T, d_model, d_k, d_v, scale=1.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(T, d_model))
    Wq = rng.normal(scale=scale, size=(d_model, d_k))
    Wk = rng.normal(scale=scale, size=(d_model, d_k))
    Wv = rng.normal(size=(d_model, d_v))
    return X, Wq, Wk, Wv


def test_worked_example(learner, reference):
    """The worked example from the statement (T = 3)."""
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    Wq = np.array([[1.0, 0.0], [0.0, 2.0]])
    Wk = np.array([[2.0, 0.0], [0.0, 1.0]])
    Wv = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 3.0]])
    assert_array(learner.causal_self_attention(X, Wq, Wk, Wv), reference.causal_self_attention(X, Wq, Wk, Wv))


def test_matches_reference(learner, reference):
    """T=7, d_model=6, d_k=4, d_v=5: float64 output of shape (T, d_v) with the right values (scale 1/sqrt(d_k))."""
    args = _data(1, 7, 6, 4, 5, scale=0.8)
    assert_array(learner.causal_self_attention(*args), reference.causal_self_attention(*args))


def test_future_does_not_change_past(learner):
    """Changing X[t+1:] leaves out[:t+1] unchanged (t = 0, 2, 4)."""
    X, Wq, Wk, Wv = _data(2, 6, 4, 3, 2)
    base = learner.causal_self_attention(X, Wq, Wk, Wv)
    rng = np.random.default_rng(20)
    for t in (0, 2, 4):
        X2 = X.copy()
        X2[t + 1:] = rng.normal(scale=3.0, size=X2[t + 1:].shape)
        out2 = learner.causal_self_attention(X2, Wq, Wk, Wv)
        assert_array(out2[: t + 1], base[: t + 1], what=f"out[:{t + 1}] after changing X[{t + 1}:]")


def test_first_row_is_first_value(learner):
    """out[0] equals the first value vector X[0] @ Wv (position 0 attends only to itself)."""
    X, Wq, Wk, Wv = _data(3, 5, 4, 4, 3)
    out = learner.causal_self_attention(X, Wq, Wk, Wv)
    assert not np.any(np.isnan(out)), "the output contains NaN"
    assert_array(out[0], X[0] @ Wv, what="out[0]")


def test_last_row_sees_everything(learner):
    """The last position attends to all positions: out[T-1] is plain (unmasked) attention of the last query."""
    X, Wq, Wk, Wv = _data(4, 6, 5, 3, 4)
    out = learner.causal_self_attention(X, Wq, Wk, Wv)
    s = (X @ Wk) @ (X[-1] @ Wq) / np.sqrt(3)
    w = np.exp(s - s.max())
    w /= w.sum()
    assert_array(out[-1], w @ (X @ Wv), what="out[T-1]")


def test_weights_renormalised_over_past(learner):
    """When every value vector is the same, every output row equals it (weights over s <= t sum to 1)."""
    X, Wq, Wk, _ = _data(5, 6, 4, 3, 2)
    X[:, 0] = 1.0
    Wv = np.zeros((4, 2))
    Wv[0] = [2.5, -1.0]
    out = learner.causal_self_attention(X, Wq, Wk, Wv)
    assert_array(out, np.tile([2.5, -1.0], (6, 1)), what="output with identical value vectors")


def test_single_position(learner):
    """T = 1 returns X @ Wv."""
    X, Wq, Wk, Wv = _data(6, 1, 3, 2, 4)
    assert_array(learner.causal_self_attention(X, Wq, Wk, Wv), X @ Wv)


def test_large_scores_stable(learner, reference):
    """Scores with magnitudes in the thousands give correct, finite results with no RuntimeWarning."""
    args = _data(7, 8, 4, 4, 3, scale=25.0)
    f = learner.fn("causal_self_attention", warnings="error")
    assert_array(f(*args), reference.causal_self_attention(*args))


def test_inputs_not_modified(learner):
    """X, Wq, Wk and Wv are left unchanged."""
    args = _data(8, 4, 3, 2, 2)
    _, after = learner.causal_self_attention.call_keep_args(*args)
    for name, sent, got in zip(("X", "Wq", "Wk", "Wv"), args, after):
        assert_array(got, sent, rtol=0, atol=0, what=f"your {name} after the call")
