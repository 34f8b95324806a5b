import numpy as np

from grader.checklib import assert_array


def _data(seed, T, N, D, H, wscale=0.6):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(T, N, D))
    h0 = rng.uniform(-0.9, 0.9, size=(N, H))
    Wx = rng.normal(scale=wscale, size=(D, H))
    Wh = rng.normal(scale=wscale, size=(H, H))
    b = rng.normal(scale=0.3, size=H)
    return x, h0, Wx, Wh, b


def _run(fn, *args):
    res = fn(*args)
    assert type(res) is tuple and len(res) == 2, "rnn_forward should return a tuple (hs, h_last)"
    return res


def _compare(res, expected, what=""):
    assert_array(res[0], expected[0], what=f"hs{what}")
    assert_array(res[1], expected[1], what=f"h_last{what}")


def test_worked_example(learner, reference):
    """The worked example from the statement (T=3, N=2, D=1, H=2)."""
    x = np.array([[[1.0], [0.0]], [[0.5], [-1.0]], [[0.0], [2.0]]])
    h0 = np.array([[0.0, 0.0], [1.0, -1.0]])
    Wx = np.array([[1.0, -1.0]])
    Wh = np.array([[0.5, 1.0], [0.0, 0.5]])
    b = np.array([0.0, 0.1])
    _compare(_run(learner.rnn_forward, x, h0, Wx, Wh, b), reference.rnn_forward(x, h0, Wx, Wh, b))


def test_matches_loop_reference(learner, reference):
    """T=6, N=3, D=4, H=5: hs (T, N, H) and h_last (N, H), float64, match a step-by-step loop."""
    args = _data(1, 6, 3, 4, 5)
    _compare(_run(learner.rnn_forward, *args), reference.rnn_forward(*args))


def test_single_step(learner):
    """T = 1: hs[0] = h_last = tanh(x[0] @ Wx + h0 @ Wh + b)."""
    x, h0, Wx, Wh, b = _data(2, 1, 4, 3, 2)
    expected = np.tanh(x[0] @ Wx + h0 @ Wh + b)
    _compare(_run(learner.rnn_forward, x, h0, Wx, Wh, b), (expected[None], expected))


def test_zero_recurrent_weights_make_steps_independent(learner):
    """With Wh = 0 every step is tanh(x[t] @ Wx + b) and h0 has no effect."""
    x, h0, Wx, _, b = _data(3, 5, 2, 3, 4)
    Wh = np.zeros((4, 4))
    expected = np.tanh(x @ Wx + b)
    _compare(_run(learner.rnn_forward, x, h0, Wx, Wh, b), (expected, expected[-1]))
    _compare(_run(learner.rnn_forward, x, -h0, Wx, Wh, b), (expected, expected[-1]), what=" with another h0")


def test_state_carries_over_chunks(learner, reference):
    """Running x[:3] and then x[3:] from the first run's h_last equals one run over all of x."""
    x, h0, Wx, Wh, b = _data(4, 7, 2, 3, 4)
    hs_a, h_a = _run(learner.rnn_forward, x[:3].copy(), h0, Wx, Wh, b)
    hs_b, h_b = _run(learner.rnn_forward, x[3:].copy(), h_a, Wx, Wh, b)
    expected = reference.rnn_forward(x, h0, Wx, Wh, b)
    _compare((np.concatenate([hs_a, hs_b]), h_b), expected, what=" of the two chunks joined")


def test_sequences_independent(learner, reference):
    """Each sequence of the batch gives the same states alone as inside the batch."""
    x, h0, Wx, Wh, b = _data(5, 4, 3, 2, 3)
    hs, _ = _run(learner.rnn_forward, x, h0, Wx, Wh, b)
    for n in range(3):
        alone = reference.rnn_forward(x[:, n:n + 1], h0[n:n + 1], Wx, Wh, b)
        assert_array(hs[:, n:n + 1], alone[0], what=f"hs of sequence {n}")


def test_large_inputs_saturate_without_warnings(learner, reference):
    """Pre-activations of magnitude up to ~1e3 give states of exactly +-1 and no RuntimeWarning."""
    x, h0, Wx, Wh, b = _data(6, 4, 3, 2, 3)
    x = np.concatenate([x, -x], axis=1) * 500.0  # both signs, |pre-activation| up to ~800
    h0 = np.concatenate([h0, -h0])
    hs, h_last = _run(learner.fn("rnn_forward", warnings="error"), x, h0, Wx, Wh, b)
    _compare((hs, h_last), reference.rnn_forward(x, h0, Wx, Wh, b))
    assert np.all(np.abs(hs) <= 1.0), "tanh states must lie in [-1, 1]"


def test_inputs_not_modified(learner):
    """x, h0, Wx, Wh and b are left unchanged."""
    args = _data(7, 3, 2, 2, 3)
    _, after = learner.rnn_forward.call_keep_args(*args)
    for name, sent, got in zip(("x", "h0", "Wx", "Wh", "b"), args, after):
        assert_array(got, sent, rtol=0, atol=0, what=f"your {name} after the call")
