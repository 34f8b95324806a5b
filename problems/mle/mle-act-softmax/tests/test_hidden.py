import numpy as np

from grader.checklib import assert_array, covers, probe_call


@covers("formula")
def test_worked_example(learner, reference):
    """The worked example from the statement, 2-D input, last axis."""
    z = np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 1000.0]])
    assert_array(learner.softmax(z), reference.softmax(z))


@covers("formula")
def test_rows_sum_to_one(learner, reference):
    """Every slice along the axis is non-negative, sums to 1 and matches exp(z_i) / sum_j exp(z_j)."""
    z = np.random.default_rng(0).normal(scale=5, size=(7, 11))
    out = learner.softmax(z)
    assert_array(out.sum(axis=-1), np.ones(7), what="row sums")
    assert np.all(out >= 0), "some probabilities are negative"
    assert_array(out, reference.softmax(z))


@covers("stable", "no-warnings")
def test_large_equal_logits_no_warning(learner):
    """[1000, 1000] gives [0.5, 0.5] with overflow warnings treated as errors."""
    out = learner.fn("softmax", warnings="error")(np.array([1000.0, 1000.0]))
    assert_array(out, np.array([0.5, 0.5]))


@covers("stable", "no-warnings")
def test_large_magnitudes_stable(learner, reference):
    """Inputs with magnitudes near 1e4 (positive and negative, float64 and float32) give correct values, no warnings."""
    z = np.array([[1e4, -1e4, 0.0, 9999.0], [-1e4, -9999.5, -1e4, -1e4]])
    assert_array(learner.fn("softmax", warnings="error")(z), reference.softmax(z))
    z32 = z.astype(np.float32)
    assert_array(learner.fn("softmax", warnings="error")(z32), reference.softmax(z32), rtol=1e-5, atol=1e-7)


@covers("formula")
def test_shift_invariance(learner):
    """Adding a constant to every entry does not change the result."""
    z = np.random.default_rng(1).normal(size=(4, 5))
    assert_array(learner.softmax(z + 123.0), learner.softmax(z), rtol=1e-9, atol=1e-12)


@covers("axis", "shape")
def test_axis_zero_on_3d(learner, reference):
    """axis=0 on a 3-D array normalises over the first axis only and keeps the shape."""
    z = np.random.default_rng(2).normal(size=(3, 4, 5))
    assert_array(learner.softmax(z, axis=0), reference.softmax(z, axis=0))


@covers("axis", "shape")
def test_middle_and_negative_axis(learner, reference):
    """axis=1 and axis=-2 on a 3-D array give the same, correct result."""
    z = np.random.default_rng(3).normal(size=(2, 6, 3))
    assert_array(learner.softmax(z, axis=1), reference.softmax(z, axis=1))
    assert_array(learner.softmax(z, axis=-2), reference.softmax(z, axis=1))


@covers("dtype")
def test_float32_stays_float32(learner, reference):
    """A float32 input gives a float32 output (last axis, and axis=0 on 3-D)."""
    rng = np.random.default_rng(4)
    z = rng.normal(size=(5, 3)).astype(np.float32)
    assert_array(learner.softmax(z), reference.softmax(z), rtol=1e-5, atol=1e-7)
    z3 = rng.normal(size=(2, 3, 4)).astype(np.float32)
    assert_array(learner.softmax(z3, axis=0), reference.softmax(z3, axis=0), rtol=1e-5, atol=1e-7)


@covers("formula", "shape")
def test_single_element_1d_and_other_shapes(learner, reference):
    """[3.5] gives [1.0]; 1-D, length-1 axes and 4-D inputs keep their shape with the default last axis."""
    assert_array(learner.softmax(np.array([3.5])), np.array([1.0]))
    assert_array(learner.softmax(np.array([0.0, np.log(3.0)])), np.array([0.25, 0.75]))
    rng = np.random.default_rng(6)
    for shape in [(3, 1), (1, 4), (2, 3, 1, 4)]:
        z = rng.normal(size=shape)
        assert_array(learner.softmax(z), reference.softmax(z), what=f"softmax of shape {shape}")


@covers("new-array")
def test_input_not_modified(learner):
    """The input array is left unchanged and the result is a new array."""
    z = np.array([[1.0, 2.0], [3.0, 5.0]])
    _, after = learner.softmax.call_keep_args(z)
    assert_array(after[0], z, rtol=0, atol=0, what="your input after the call")
    _, probe = probe_call(learner.fn("softmax"), np.array([[0.5], [2.0]]), aliasing=True)
    probe.assert_new("the array you return")
