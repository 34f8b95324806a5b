import numpy as np
from scipy.special import expit

from grader.checklib import assert_array

F32 = dict(rtol=1e-5, atol=1e-7)


def test_worked_example(learner):
    """The worked example from the statement (includes +-1000), warnings as errors."""
    x = np.array([-1000.0, -2.0, 0.0, 2.0, 1000.0])
    assert_array(learner.fn("sigmoid", warnings="error")(x), expit(x))


def test_matches_expit_float64(learner):
    """Random float64 inputs of shape (6, 9) match scipy's expit."""
    x = np.random.default_rng(0).normal(scale=6.0, size=(6, 9))
    assert_array(learner.sigmoid(x), expit(x))


def test_plus_minus_1000_no_overflow(learner):
    """x = -1000 and x = +1000 (and +-1e4) give 0 and 1 without any RuntimeWarning (float64)."""
    x = np.array([-1e4, -1000.0, -745.0, -50.0, 50.0, 745.0, 1000.0, 1e4])
    assert_array(learner.fn("sigmoid", warnings="error")(x), expit(x))


def test_float32_extremes_no_overflow(learner):
    """float32 inputs up to +-1e4 (exp overflows float32 beyond 88) give a float32 result, no warnings."""
    x = np.array([-1e4, -1000.0, -100.0, -89.0, -20.0, 0.0, 20.0, 89.0, 100.0, 1000.0, 1e4], dtype=np.float32)
    assert_array(learner.fn("sigmoid", warnings="error")(x), expit(x), **F32)


def test_float32_dtype_kept(learner):
    """A float32 input gives a float32 output with correct values."""
    x = np.random.default_rng(1).normal(scale=4.0, size=(5, 4)).astype(np.float32)
    assert_array(learner.sigmoid(x), expit(x), **F32)


def test_symmetry(learner):
    """sigmoid(-x) equals 1 - sigmoid(x)."""
    x = np.random.default_rng(2).uniform(-15.0, 15.0, size=40)
    assert_array(learner.sigmoid(-x), 1.0 - learner.sigmoid(x), rtol=1e-9, atol=1e-12,
                 what="sigmoid(-x) compared with 1 - sigmoid(x)")


def test_shape_kept(learner):
    """A 3-D input and a one-element input keep their shapes."""
    x = np.random.default_rng(3).normal(size=(2, 3, 4))
    assert_array(learner.sigmoid(x), expit(x))
    assert_array(learner.sigmoid(np.array([[0.0]])), np.array([[0.5]]))


def test_input_not_modified(learner):
    """The input array is left unchanged."""
    x = np.array([-1000.0, -3.0, 0.0, 4.0, 1000.0])
    _, after = learner.sigmoid.call_keep_args(x)
    assert_array(after[0], x, rtol=0, atol=0, what="your input after the call")
