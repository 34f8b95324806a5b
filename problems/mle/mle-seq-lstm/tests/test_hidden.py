import math

import numpy as np

from grader.checklib import assert_array


def _sig(v):
    return 1.0 / (1.0 + math.exp(-v))


def _data(seed, N, D, H, wscale=0.5):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(N, D))
    h = rng.uniform(-0.9, 0.9, size=(N, H))
    c = rng.normal(scale=1.5, size=(N, H))
    W = rng.normal(scale=wscale, size=(D + H, 4 * H))
    b = rng.normal(scale=0.5, size=4 * H)
    return x, h, c, W, b


def _run(fn, *args):
    res = fn(*args)
    assert type(res) is tuple and len(res) == 2, "lstm_step should return a tuple (h_new, c_new)"
    return res


def _compare(res, expected, what=""):
    assert_array(res[1], expected[1], what=f"c_new{what}")
    assert_array(res[0], expected[0], what=f"h_new{what}")


def test_worked_example(learner):
    """The worked example from the statement, checked against values computed by hand."""
    x = np.array([[1.0, -1.0], [0.0, 2.0]])
    h = np.array([[0.5], [-1.0]])
    c = np.array([[2.0], [-0.5]])
    W = np.array([[1.0, 0.5, -1.0, 2.0], [0.0, 0.0, 1.0, 0.0], [0.0, 1.0, 1.0, -1.0]])
    b = np.array([0.0, 1.0, 0.0, 0.0])
    c0 = _sig(2.0) * 2.0 + _sig(1.0) * math.tanh(1.5)  # row 0: z = [1, 2, -1.5, 1.5]
    c1 = _sig(0.0) * -0.5 + _sig(0.0) * math.tanh(1.0)  # row 1: z = [0, 0, 1, 1]
    expected_c = np.array([[c0], [c1]])
    expected_h = np.array([[_sig(-1.5) * math.tanh(c0)], [_sig(1.0) * math.tanh(c1)]])
    _compare(_run(learner.lstm_step, x, h, c, W, b), (expected_h, expected_c))


def test_gate_order_ifog(learner):
    """With W = 0 each gate is set by its bias block alone, in the order [i, f, o, g]."""
    x, h, c, _, _ = _data(1, 3, 2, 2)
    W = np.zeros((4, 8))
    b = np.array([1.0, -0.5, 2.0, 0.3, -1.0, 0.7, 0.5, -1.2])  # i = [1, -0.5], f = [2, 0.3], o = [-1, 0.7], g = [0.5, -1.2]
    i = np.array([_sig(1.0), _sig(-0.5)])
    f = np.array([_sig(2.0), _sig(0.3)])
    o = np.array([_sig(-1.0), _sig(0.7)])
    g = np.tanh(np.array([0.5, -1.2]))
    c_new = f * c + i * g
    _compare(_run(learner.lstm_step, x, h, c, W, b), (o * np.tanh(c_new), c_new))


def test_matches_reference(learner, reference):
    """N=4, D=3, H=5: two float64 (N, H) arrays matching the reference."""
    args = _data(2, 4, 3, 5)
    _compare(_run(learner.lstm_step, *args), reference.lstm_step(*args))


def test_input_rows_come_first(learner):
    """The first D rows of W multiply x and the last H rows multiply h (checked with h = 0, then x = 0)."""
    x, h, c, W, b = _data(3, 2, 3, 3)
    for name, xx, hh in (("h = 0", x, np.zeros_like(h)), ("x = 0", np.zeros_like(x), h)):
        z = xx @ W[:3] + hh @ W[3:] + b
        sg = 1.0 / (1.0 + np.exp(-z))
        c_new = sg[:, 3:6] * c + sg[:, 0:3] * np.tanh(z[:, 9:12])
        _compare(_run(learner.lstm_step, xx, hh, c, W, b), (sg[:, 6:9] * np.tanh(c_new), c_new),
                 what=f" with {name}")


def test_forget_bias_keeps_cell(learner, reference):
    """Forget bias +10 and input bias -10 keep c (c_new ~ c); the opposite biases replace c by g."""
    x, h, c, W, b = _data(4, 5, 3, 4, wscale=0.05)
    b = np.zeros(16)
    b[0:4] = -10.0
    b[4:8] = 10.0
    h_new, c_new = _run(learner.lstm_step, x, h, c, W, b)
    assert_array(c_new, c, rtol=0, atol=1e-3, what="c_new with forget bias +10 and input bias -10")
    _compare((h_new, c_new), reference.lstm_step(x, h, c, W, b))
    b2 = -b
    h2, c2 = _run(learner.lstm_step, x, h, c, W, b2)
    g = np.tanh(np.concatenate([x, h], axis=1) @ W[:, 12:16])
    assert_array(c2, g, rtol=0, atol=1e-3, what="c_new with forget bias -10 and input bias +10")
    _compare((h2, c2), reference.lstm_step(x, h, c, W, b2), what=" (biases swapped)")


def test_shapes_single_row(learner, reference):
    """A batch of one row with D=2, H=3 gives two (1, 3) float64 arrays."""
    args = _data(5, 1, 2, 3)
    _compare(_run(learner.lstm_step, *args), reference.lstm_step(*args))


def test_large_preactivations_stable(learner, reference):
    """Pre-activations up to ~1e3 in magnitude (both signs) give correct results with no RuntimeWarning."""
    x, h, c, W, b = _data(6, 6, 3, 2, wscale=150.0)
    x = np.concatenate([x, -x])
    h = np.concatenate([h, -h])
    c = np.concatenate([c, c])
    h_new, c_new = _run(learner.fn("lstm_step", warnings="error"), x, h, c, W, b)
    _compare((h_new, c_new), reference.lstm_step(x, h, c, W, b))
    assert np.all(np.abs(h_new) <= 1.0), "h_new must lie in [-1, 1]"


def test_inputs_not_modified(learner):
    """x, h, c, W and b are left unchanged."""
    args = _data(7, 3, 2, 2)
    _, after = learner.lstm_step.call_keep_args(*args)
    for name, sent, got in zip(("x", "h", "c", "W", "b"), args, after):
        assert_array(got, sent, rtol=0, atol=0, what=f"your {name} after the call")
