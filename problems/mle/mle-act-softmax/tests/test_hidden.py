import numpy as np
import pytest

from grader.checklib import assert_array


def test_worked_example(learner, reference):
    """The worked example from the statement, 2-D input, last axis."""
    z = np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 1000.0]])
    assert_array(learner.softmax(z), reference.softmax(z))


def test_rows_sum_to_one(learner):
    """Every slice along the axis is non-negative and sums to 1."""
    z = np.random.default_rng(0).normal(scale=5, size=(7, 11))
    out = learner.softmax(z)
    assert_array(out.sum(axis=-1), np.ones(7), what="row sums")
    assert np.all(out >= 0), "some probabilities are negative"


def test_large_equal_logits_no_warning(learner):
    """[1000, 1000] gives [0.5, 0.5] with overflow warnings treated as errors."""
    out = learner.fn("softmax", warnings="error")(np.array([1000.0, 1000.0]))
    assert_array(out, np.array([0.5, 0.5]))


def test_large_magnitudes_stable(learner, reference):
    """Inputs with magnitudes near 1e4 (positive and negative) give finite, correct values."""
    z = np.array([[1e4, -1e4, 0.0, 9999.0], [-1e4, -9999.5, -1e4, -1e4]])
    assert_array(learner.fn("softmax", warnings="error")(z), reference.softmax(z))


def test_shift_invariance(learner):
    """Adding a constant to every entry does not change the result."""
    z = np.random.default_rng(1).normal(size=(4, 5))
    assert_array(learner.softmax(z + 123.0), learner.softmax(z), rtol=1e-9, atol=1e-12)


def test_axis_zero_on_3d(learner, reference):
    """axis=0 on a 3-D array normalises over the first axis only."""
    z = np.random.default_rng(2).normal(size=(3, 4, 5))
    assert_array(learner.softmax(z, axis=0), reference.softmax(z, axis=0))


def test_middle_and_negative_axis(learner, reference):
    """axis=1 and axis=-2 on a 3-D array give the same, correct result."""
    z = np.random.default_rng(3).normal(size=(2, 6, 3))
    assert_array(learner.softmax(z, axis=1), reference.softmax(z, axis=1))
    assert_array(learner.softmax(z, axis=-2), reference.softmax(z, axis=1))


def test_float32_stays_float32(learner, reference):
    """A float32 input gives a float32 output."""
    z = np.random.default_rng(4).normal(size=(5, 3)).astype(np.float32)
    assert_array(learner.softmax(z), reference.softmax(z), rtol=1e-5, atol=1e-7)


def test_single_element_and_1d(learner):
    """A 1-D input of length 1 gives [1.0]; a 1-D input works on its only axis."""
    assert_array(learner.softmax(np.array([3.5])), np.array([1.0]))
    assert_array(learner.softmax(np.array([0.0, np.log(3.0)])), np.array([0.25, 0.75]))


def test_input_not_modified(learner):
    """The input array is left unchanged."""
    z = np.array([[1.0, 2.0], [3.0, 5.0]])
    _, after = learner.softmax.call_keep_args(z)
    assert_array(after[0], z, rtol=0, atol=0, what="your input after the call")
