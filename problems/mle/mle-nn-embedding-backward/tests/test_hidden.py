import numpy as np
import pytest

from grader.checklib import assert_array, finite_difference


def _grad(learner, indices, dout, vocab_size):
    return learner.embedding_backward(indices, dout, vocab_size)


def test_worked_example(learner, reference):
    """The worked example from the statement (2-D indices, index 2 used twice, V = 5)."""
    idx = np.array([[0, 2], [2, 3]])
    dout = np.array([[[1.0, 0.5], [2.0, -1.0]], [[0.5, 0.5], [-1.0, 3.0]]])
    assert_array(_grad(learner, idx, dout, 5), reference.embedding_backward(idx, dout, 5))


def test_repeated_indices_accumulate(learner):
    """An index used three times gets the sum of its three upstream gradient rows."""
    idx = np.array([1, 3, 1, 1])
    dout = np.array([[1.0, 2.0], [5.0, 5.0], [10.0, 20.0], [100.0, 200.0]])
    expected = np.array([[0.0, 0.0], [111.0, 222.0], [0.0, 0.0], [5.0, 5.0]])
    assert_array(_grad(learner, idx, dout, 4), expected, what="dW")


def test_shape_and_untouched_rows(learner):
    """Shape is (vocab_size, D) float64 even past the largest index; unused rows are exactly 0."""
    idx = np.array([4, 0, 4])
    dout = np.random.default_rng(1).normal(size=(3, 6))
    dW = _grad(learner, idx, dout, 10)
    assert type(dW) is np.ndarray, f"the result should be a numpy array, got {type(dW).__name__}"
    assert dW.shape == (10, 6), f"the result has shape {dW.shape}, expected (10, 6)"
    assert dW.dtype == np.float64, f"the result has dtype {dW.dtype}, expected float64"
    unused = [1, 2, 3, 5, 6, 7, 8, 9]
    assert np.all(dW[unused] == 0.0), "rows whose index never appears should be exactly 0"
    assert_array(dW[4], dout[0] + dout[2], what="row 4 (used twice)")


def test_two_dimensional_indices_with_repeats(learner, reference):
    """A (batch, time) int32 index array with repeats inside each row matches the exact sums."""
    rng = np.random.default_rng(2)
    idx = rng.integers(0, 4, size=(3, 8)).astype(np.int32)
    dout = rng.normal(size=(3, 8, 5))
    assert_array(_grad(learner, idx, dout, 6), reference.embedding_backward(idx, dout, 6))


def test_finite_differences(learner):
    """dW matches finite differences of L = sum(W[indices] * dout) with respect to W."""
    rng = np.random.default_rng(3)
    V, D = 7, 3
    idx = rng.integers(0, V, size=(4, 5))
    dout = rng.normal(size=(4, 5, D))
    W = rng.normal(size=(V, D))
    fd = finite_difference(lambda w: float(np.sum(w[idx] * dout)), W)
    assert_array(_grad(learner, idx, dout, V), fd, rtol=1e-6, atol=1e-7, what="dW (vs finite differences)")


def test_many_repeats_random(learner, reference):
    """A (32, 20) batch over a vocabulary of 50 (every index repeated many times) matches the reference."""
    rng = np.random.default_rng(4)
    idx = rng.integers(0, 50, size=(32, 20))
    dout = rng.normal(size=(32, 20, 8))
    assert_array(_grad(learner, idx, dout, 50), reference.embedding_backward(idx, dout, 50))


def test_empty_indices(learner):
    """No lookups at all (indices of shape (0,), dout of shape (0, D)) gives a zero (V, D) array."""
    dW = _grad(learner, np.zeros(0, dtype=np.int64), np.zeros((0, 3)), 4)
    assert_array(dW, np.zeros((4, 3)), what="dW for empty indices")


def test_out_of_range_index_raises(learner):
    """An index below 0 or at least vocab_size raises ValueError."""
    dout = np.ones((3, 2))
    for bad in (np.array([0, -1, 2]), np.array([0, 5, 2])):
        with pytest.raises(ValueError):
            learner.embedding_backward(bad, dout, 5)


def test_inputs_not_modified(learner):
    """indices and dout are left unchanged."""
    rng = np.random.default_rng(5)
    idx = rng.integers(0, 5, size=(3, 4))
    dout = rng.normal(size=(3, 4, 2))
    _, after = learner.embedding_backward.call_keep_args(idx, dout, 5)
    assert_array(after[0], idx, what="your indices after the call")
    assert_array(after[1], dout, rtol=0, atol=0, what="your dout after the call")
